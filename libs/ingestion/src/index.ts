export * from './message/rejection';
export * from './message/ingestion-message';
export * from './message/parse-ingestion-message';
export * from './batch/event-ids';
export * from './batch/item-outcome';
export * from './batch/decide-customer-batch';
