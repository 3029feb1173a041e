import { CurrencyCode, EntityId, MoneyAmount, Optional, Text } from './value-rules';
import { EventTypeDefinition } from '../versioning/event-type-definition';

export class RefundIssuedV1 {
  @EntityId() refundId!: string;
  @Optional() @EntityId() orderId?: string;
  @Optional() @EntityId() returnId?: string;
  @MoneyAmount() amount!: number;
  @CurrencyCode() currency!: string;
  @Optional() @Text(500) reason?: string;
}

export type RefundIssuedData = RefundIssuedV1;

export const refundIssued: EventTypeDefinition = {
  type: 'RefundIssued',
  origin: 'producer',
  description: 'Money was paid back to the party: for an order, a return, or as a goodwill gesture.',
  versions: { 1: RefundIssuedV1 },
  upcasters: {},
  example: { refundId: 'ref-1207', orderId: '536365', amount: 15.3, currency: 'GBP', reason: 'late delivery' },
};
