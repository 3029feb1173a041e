import { IsIn } from 'class-validator';
import { PersonalData } from '../personal-data/personal-data.decorators';
import { Channel, channels } from './channel';
import { ComplaintCategory, complaintCategories, ComplaintSeverity, complaintSeverities } from './complaints';
import { EntityId, FreeText, Optional } from './value-rules';
import { EventTypeDefinition } from '../versioning/event-type-definition';

export class ComplaintOpenedV1 {
  @EntityId() complaintId!: string;
  @IsIn(channels) channel!: Channel;
  @IsIn(complaintCategories) category!: ComplaintCategory;
  @IsIn(complaintSeverities) severity!: ComplaintSeverity;
  @Optional() @EntityId() orderId?: string;
  @Optional() @EntityId() productId?: string;
  /** The complaint in the party's words. */
  @PersonalData() @Optional() @FreeText() description?: string;
}

export type ComplaintOpenedData = ComplaintOpenedV1;

export const complaintOpened: EventTypeDefinition = {
  type: 'ComplaintOpened',
  origin: 'producer',
  description: 'The party complained, about a product, a delivery, a bill, the service or their privacy.',
  versions: { 1: ComplaintOpenedV1 },
  upcasters: {},
  example: {
    complaintId: 'cmp-77',
    channel: 'phone',
    category: 'delivery',
    severity: 'medium',
    orderId: '536365',
    description: 'The parcel arrived a week late and the box was crushed.',
  },
};
