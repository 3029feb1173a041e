export { EmbeddedEventStore, EmbeddedEventStoreOptions, openEmbeddedEventStore } from './embedded-event-store';
export { EventStoreLockedError } from './writer-lock';
export { Durability } from './sqlite-log';
