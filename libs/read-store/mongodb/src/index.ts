export * from './connect-mongo';
export * from './ensure-indexes';
export * from './duplicate-key';
