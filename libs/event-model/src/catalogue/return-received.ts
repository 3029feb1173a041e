import { IsIn } from 'class-validator';
import { ReturnCondition, returnConditions } from './returns';
import { EntityId, Optional } from './value-rules';
import { EventTypeDefinition } from '../versioning/event-type-definition';

export class ReturnReceivedV1 {
  @EntityId() returnId!: string;
  @Optional() @IsIn(returnConditions) condition?: ReturnCondition;
}

export type ReturnReceivedData = ReturnReceivedV1;

export const returnReceived: EventTypeDefinition = {
  type: 'ReturnReceived',
  origin: 'producer',
  description: 'The returned goods arrived at the warehouse, in the condition found.',
  versions: { 1: ReturnReceivedV1 },
  upcasters: {},
  example: { returnId: 'ret-311', condition: 'opened' },
};
