export const paymentMethods = ['card', 'bank-transfer', 'cash', 'wallet', 'voucher', 'other'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];
