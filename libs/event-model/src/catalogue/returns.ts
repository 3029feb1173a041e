export const returnReasons = [
  'damaged',
  'defective',
  'wrong-item',
  'not-as-described',
  'no-longer-needed',
  'order-cancelled',
  'other',
] as const;
export type ReturnReason = (typeof returnReasons)[number];

/** The state of returned goods as the warehouse finds them. */
export const returnConditions = ['as-new', 'opened', 'damaged', 'unsellable'] as const;
export type ReturnCondition = (typeof returnConditions)[number];
