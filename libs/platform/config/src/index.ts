export * from './platform-config';
export * from './config-error';
export * from './load-platform-config';
