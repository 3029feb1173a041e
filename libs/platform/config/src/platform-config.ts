export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

export const eventStoreKinds = ['embedded', 'eventstoredb'] as const;
export type EventStoreKind = (typeof eventStoreKinds)[number];

export const durabilities = ['full', 'normal'] as const;
export type Durability = (typeof durabilities)[number];

export type EventStoreConfig =
  | { kind: 'embedded'; dataDir: string; durability: Durability }
  | { kind: 'eventstoredb'; connectionString: string };

export const keyStoreKinds = ['embedded', 'mongodb'] as const;
export type KeyStoreKind = (typeof keyStoreKinds)[number];

export interface IngestionConfig {
  /** Larger messages are dead-lettered (Kafka) or refused with 413 (HTTP). */
  maxMessageBytes: number;
}

/** Present when KAFKA_BROKERS is set: the platform then also consumes the ingestion topics. */
export interface KafkaIngestionConfig {
  brokers: string[];
  topics: string[];
  groupId: string;
  deadLetterTopic: string;
  /** Partitions of the topics the platform creates when they are missing. */
  partitions: number;
}

export interface PersonalDataConfig {
  keyStore: { kind: 'embedded'; dataDir: string } | { kind: 'mongodb'; url: string; database: string };
  /** Base64 of 32 bytes; absent, the embedded default keeps one in a file of its data directory. */
  masterKey?: string;
}

export const readStoreKinds = ['embedded', 'mongodb'] as const;
export type ReadStoreKind = (typeof readStoreKinds)[number];

export type ReadStoreConfig = { kind: 'embedded'; dataDir: string } | { kind: 'mongodb'; url: string; database: string };

export const projectionWorkerPlacements = ['thread', 'in-process', 'off'] as const;
export type ProjectionWorkerPlacement = (typeof projectionWorkerPlacements)[number];

export interface ProjectionsConfig {
  /**
   * Where the projection worker runs: in a worker thread of this process (its own event loop and heap, so that
   * folding and writing read models never delay a request), in this process's event loop, or elsewhere (`off`:
   * a separate projector process runs it).
   */
  runWorker: ProjectionWorkerPlacement;
  /** Events folded per write batch. */
  maxBatchEvents: number;
  /** How long a batch may wait for more events before it is written: freshness against fewer, larger writes. */
  maxBatchWaitMs: number;
  /** A batch is written once no event came for this long. */
  batchIdleMs: number;
  /** Documents each projection keeps in memory after writing them: a 360° view can weigh tens of KB. */
  cachedDocuments: number;
  /** Overrides of the 360° view's rules (lifecycle, RFM, reporting currency), as JSON; absent keeps the defaults. */
  customer360Rules?: Record<string, unknown>;
}

export const apiRoles = ['analyst', 'personal-data', 'operator'] as const;
export type ApiRole = (typeof apiRoles)[number];

export interface ApiAccessConfig {
  /** Bearer token → its roles. */
  tokens: ReadonlyMap<string, readonly ApiRole[]>;
  /** The roles of a request without a token. */
  anonymousRoles: readonly ApiRole[];
}

export interface CampaignsConfig {
  /** Days a refunded or rejected return keeps blocking campaigns for its product, unless a campaign says otherwise. */
  coolingOffDays: number;
}

export interface SegmentsConfig {
  /** Where membership changes are published, when KAFKA_BROKERS is set; created when missing with KAFKA_INGEST_PARTITIONS partitions. */
  changesTopic: string;
  /** How often customers whose time has come (a window closing, a birthday) are looked for. */
  dueCheckIntervalMs: number;
}

export interface PlatformConfig {
  http: { host: string; port: number };
  eventStore: EventStoreConfig;
  ingestion: IngestionConfig;
  kafka?: KafkaIngestionConfig;
  personalData: PersonalDataConfig;
  readStore: ReadStoreConfig;
  projections: ProjectionsConfig;
  apiAccess: ApiAccessConfig;
  campaigns: CampaignsConfig;
  segments: SegmentsConfig;
  logLevel: LogLevel;
  serviceName: string;
}
