import { EntityId, Optional, Text } from './value-rules';
import { EventTypeDefinition } from '../versioning/event-type-definition';

export class OrderCancelledV1 {
  @EntityId() orderId!: string;
  @Optional() @Text(500) reason?: string;
}

export type OrderCancelledData = OrderCancelledV1;

export const orderCancelled: EventTypeDefinition = {
  type: 'OrderCancelled',
  origin: 'producer',
  description: 'An order of the party was cancelled, wholly.',
  versions: { 1: OrderCancelledV1 },
  upcasters: {},
  example: { orderId: '536365', reason: 'out of stock' },
};
