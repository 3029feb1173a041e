export * from './envelope';
export * from './stream-names';
export * from './catalogue';
export * from './versioning/event-type-definition';
export * from './versioning/event-catalogue';
export * from './validation/validate-data';
export * from './personal-data';
export * from './json-schema';
