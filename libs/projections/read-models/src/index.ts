export * from './platform-projections';
