import { IsString, Length } from 'class-validator';
import { EntityId } from './value-rules';
import { EventTypeDefinition } from '../versioning/event-type-definition';

export class ReturnRejectedV1 {
  @EntityId() returnId!: string;
  /** Why: the party is told, so it is never empty. */
  @IsString() @Length(1, 500) reason!: string;
}

export type ReturnRejectedData = ReturnRejectedV1;

export const returnRejected: EventTypeDefinition = {
  type: 'ReturnRejected',
  origin: 'producer',
  description: 'A return was refused; no refund follows.',
  versions: { 1: ReturnRejectedV1 },
  upcasters: {},
  example: { returnId: 'ret-311', reason: 'returned after the 30-day window' },
};
