export * from './errors';
export * from './projection-checkpoint';
export * from './read-collection';
export * from './read-document';
export * from './read-query';
export * from './read-store';
