export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

export const eventStoreKinds = ['embedded', 'eventstoredb'] as const;
export type EventStoreKind = (typeof eventStoreKinds)[number];

export const durabilities = ['full', 'normal'] as const;
export type Durability = (typeof durabilities)[number];

export type EventStoreConfig =
  | { kind: 'embedded'; dataDir: string; durability: Durability }
  | { kind: 'eventstoredb'; connectionString: string };

export interface PlatformConfig {
  http: { host: string; port: number };
  eventStore: EventStoreConfig;
  logLevel: LogLevel;
  serviceName: string;
}
