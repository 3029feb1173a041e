import { IsIn } from 'class-validator';
import { PaymentMethod, paymentMethods } from './payment-method';
import { CurrencyCode, EntityId, MoneyAmount, Optional } from './value-rules';
import { EventTypeDefinition } from '../versioning/event-type-definition';

export class PaymentCapturedV1 {
  @EntityId() paymentId!: string;
  @Optional() @EntityId() orderId?: string;
  @MoneyAmount() amount!: number;
  @CurrencyCode() currency!: string;
  @Optional() @IsIn(paymentMethods) method?: PaymentMethod;
}

export type PaymentCapturedData = PaymentCapturedV1;

export const paymentCaptured: EventTypeDefinition = {
  type: 'PaymentCaptured',
  origin: 'producer',
  description: 'Money was taken from the party, usually for an order.',
  versions: { 1: PaymentCapturedV1 },
  upcasters: {},
  example: { paymentId: 'pay-99812', orderId: '536365', amount: 35.64, currency: 'GBP', method: 'card' },
};
