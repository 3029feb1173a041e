export { EmbeddedReadStore, EmbeddedReadStoreOptions, openEmbeddedReadStore } from './embedded-read-store';
