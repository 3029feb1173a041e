import { IsIn } from 'class-validator';
import { PersonalData } from '../personal-data/personal-data.decorators';
import { Channel, channels } from './channel';
import { ReturnReason, returnReasons } from './returns';
import { EntityId, FreeText, Optional, Quantity, Sku } from './value-rules';
import { EventTypeDefinition } from '../versioning/event-type-definition';

export class ReturnRequestedV1 {
  @EntityId() returnId!: string;
  @Optional() @EntityId() orderId?: string;
  @EntityId() productId!: string;
  @Optional() @Sku() sku?: string;
  @Quantity() quantity!: number;
  @IsIn(returnReasons) reason!: ReturnReason;
  /** Where the party asked for the return. */
  @IsIn(channels) channel!: Channel;
  /** The party's own words: may say anything about them. */
  @PersonalData() @Optional() @FreeText() comment?: string;
}

export type ReturnRequestedData = ReturnRequestedV1;

export const returnRequested: EventTypeDefinition = {
  type: 'ReturnRequested',
  origin: 'producer',
  description: 'The party asked to send back some units of a product.',
  versions: { 1: ReturnRequestedV1 },
  upcasters: {},
  example: { returnId: 'ret-311', orderId: '536365', productId: '85123A', quantity: 2, reason: 'damaged', channel: 'web' },
};
