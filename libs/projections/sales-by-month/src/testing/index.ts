export * from './projection-specification';
export * from './sales-events';
