export * from './event-store';
export * from './errors';
export * from './event-filter';
export * from './expected-revision';
export * from './position';
export * from './stream-metadata';
export * from './subscription';
