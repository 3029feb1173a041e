export * from './connect-mongo';
export * from './ensure-indexes';
export * from './duplicate-key';
export {
  catalogueCollection,
  checkpointCollection,
  createMongoReadStore,
  MongoReadStore,
  MongoReadStoreOptions,
  openMongoReadStore,
  OpenMongoReadStoreOptions,
} from './mongo-read-store';
