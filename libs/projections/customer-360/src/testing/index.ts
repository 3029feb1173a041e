export * from './customer-events';
export * from './projection-specification';
export * from './evaluate-conditions';
