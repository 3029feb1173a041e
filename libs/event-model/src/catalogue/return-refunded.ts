import { CurrencyCode, EntityId, MoneyAmount, Optional } from './value-rules';
import { EventTypeDefinition } from '../versioning/event-type-definition';

export class ReturnRefundedV1 {
  @EntityId() returnId!: string;
  @MoneyAmount() amount!: number;
  @CurrencyCode() currency!: string;
  /** The refund that paid it, when the payment system reports one (see RefundIssued). */
  @Optional() @EntityId() refundId?: string;
}

export type ReturnRefundedData = ReturnRefundedV1;

export const returnRefunded: EventTypeDefinition = {
  type: 'ReturnRefunded',
  origin: 'producer',
  description: 'A return was accepted and the party is refunded for it.',
  versions: { 1: ReturnRefundedV1 },
  upcasters: {},
  example: { returnId: 'ret-311', amount: 5.1, currency: 'GBP', refundId: 'ref-1208' },
};
