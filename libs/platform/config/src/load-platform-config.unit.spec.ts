import { ConfigError } from './config-error';
import { loadPlatformConfig } from './load-platform-config';

function problemsOf(env: Record<string, string>): ConfigError {
  try {
    loadPlatformConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadPlatformConfig', () => {
  it('runs on defaults with an empty environment', () => {
    expect(loadPlatformConfig({})).toEqual({
      http: { host: '0.0.0.0', port: 3000 },
      eventStore: { kind: 'embedded', dataDir: './data', durability: 'full' },
      ingestion: { maxMessageBytes: 262_144 },
      personalData: { keyStore: { kind: 'embedded', dataDir: './data' } },
      readStore: { kind: 'embedded', dataDir: './data' },
      projections: { runWorker: 'thread', maxBatchEvents: 2000, maxBatchWaitMs: 100, batchIdleMs: 5, cachedDocuments: 1000 },
      apiAccess: { tokens: new Map(), anonymousRoles: ['analyst'] },
      campaigns: { coolingOffDays: 30 },
      segments: { changesTopic: 'cdp.segment-membership', dueCheckIntervalMs: 1000 },
      logLevel: 'info',
      serviceName: 'cdp-platform',
    });
  });

  it('reads every variable', () => {
    const config = loadPlatformConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      EVENT_STORE: 'embedded',
      EVENT_STORE_DATA_DIR: '/var/lib/cdp',
      EVENT_STORE_DURABILITY: 'normal',
      LOG_LEVEL: 'debug',
      CAMPAIGN_COOLING_OFF_DAYS: '45',
      SEGMENT_CHANGES_TOPIC: 'crm.segments',
      SEGMENT_DUE_CHECK_MS: '250',
      SERVICE_NAME: 'cdp-ingest',
    });
    expect(config).toEqual({
      http: { host: '127.0.0.1', port: 8080 },
      eventStore: { kind: 'embedded', dataDir: '/var/lib/cdp', durability: 'normal' },
      ingestion: { maxMessageBytes: 262_144 },
      personalData: { keyStore: { kind: 'embedded', dataDir: '/var/lib/cdp' } },
      readStore: { kind: 'embedded', dataDir: '/var/lib/cdp' },
      projections: { runWorker: 'thread', maxBatchEvents: 2000, maxBatchWaitMs: 100, batchIdleMs: 5, cachedDocuments: 1000 },
      apiAccess: { tokens: new Map(), anonymousRoles: ['analyst'] },
      campaigns: { coolingOffDays: 45 },
      segments: { changesTopic: 'crm.segments', dueCheckIntervalMs: 250 },
      logLevel: 'debug',
      serviceName: 'cdp-ingest',
    });
  });

  describe('read side', () => {
    it('reads the read store, the projections and the API tokens', () => {
      const config = loadPlatformConfig({
        READ_STORE: 'mongodb',
        MONGODB_URL: 'mongodb://db:27017',
        MONGODB_DATABASE: 'cdp_eu',
        PROJECTIONS: 'off',
        PROJECTION_BATCH_EVENTS: '500',
        PROJECTION_BATCH_WAIT_MS: '2000',
        PROJECTION_BATCH_IDLE_MS: '500',
        PROJECTION_CACHED_DOCUMENTS: '0',
        CUSTOMER_360_RULES: '{"reportingCurrency":"EUR"}',
        API_TOKENS: 'reader-token-0000000001:analyst+personal-data,ops-token-00000000001:operator',
        API_ANONYMOUS_ROLES: 'none',
      });
      expect(config.readStore).toEqual({ kind: 'mongodb', url: 'mongodb://db:27017', database: 'cdp_eu' });
      expect(config.projections).toEqual({ runWorker: 'off', maxBatchEvents: 500, maxBatchWaitMs: 2000, batchIdleMs: 500, cachedDocuments: 0, customer360Rules: { reportingCurrency: 'EUR' } });
      expect(config.apiAccess.tokens.get('reader-token-0000000001')).toEqual(['analyst', 'personal-data']);
      expect(config.apiAccess.tokens.get('ops-token-00000000001')).toEqual(['operator']);
      expect(config.apiAccess.anonymousRoles).toEqual([]);
    });

    it('places the projection worker in a thread unless told otherwise, and names a wrong placement', () => {
      expect(loadPlatformConfig({}).projections.runWorker).toBe('thread');
      expect(loadPlatformConfig({ PROJECTIONS: 'in-process' }).projections.runWorker).toBe('in-process');
      expect(problemsOf({ PROJECTIONS: 'child' }).problems).toEqual([expect.objectContaining({ variable: 'PROJECTIONS', message: expect.stringContaining('thread') })]);
    });

    it('names each wrong read-side variable', () => {
      const error = problemsOf({ READ_STORE: 'mongodb', CUSTOMER_360_RULES: '[1]', API_TOKENS: 'short:analyst', API_ANONYMOUS_ROLES: 'admin' });
      expect(error.problems.map((problem) => problem.variable)).toEqual(['MONGODB_URL', 'CUSTOMER_360_RULES', 'API_TOKENS', 'API_ANONYMOUS_ROLES']);
      expect(problemsOf({ API_TOKENS: 'reader-token-0000000001:root' }).problems[0].message).toContain('unknown roles (root)');
    });
  });

  it('accepts port 0, which asks the system for a free port', () => {
    expect(loadPlatformConfig({ PORT: '0' }).http.port).toBe(0);
  });

  it('treats empty values as unset', () => {
    expect(loadPlatformConfig({ PORT: '', LOG_LEVEL: ' ' })).toMatchObject({ http: { port: 3000 }, logLevel: 'info' });
  });

  it('uses EventStoreDB with its connection string', () => {
    const config = loadPlatformConfig({ EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false' });
    expect(config.eventStore).toEqual({ kind: 'eventstoredb', connectionString: 'esdb://localhost:2113?tls=false' });
  });

  it('accepts a discovery connection string', () => {
    const env = { EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb+discover://cluster.local:2113' };
    expect(loadPlatformConfig(env).eventStore).toMatchObject({ kind: 'eventstoredb' });
  });

  it('ignores the connection string when the store is embedded', () => {
    expect(loadPlatformConfig({ EVENTSTORE_CONNECTION_STRING: 'esdb://elsewhere:2113' }).eventStore.kind).toBe('embedded');
  });

  it.each([
    ['PORT', 'abc', 'PORT must be an integer 0-65535 (0 picks a free port), got "abc"'],
    ['PORT', '65536', 'PORT must be an integer 0-65535 (0 picks a free port), got "65536"'],
    ['PORT', '80.5', 'PORT must be an integer 0-65535 (0 picks a free port), got "80.5"'],
    ['PORT', '-1', 'PORT must be an integer 0-65535 (0 picks a free port), got "-1"'],
    ['HOST', 'local host', 'HOST must be a host name or an IP address, e.g. 0.0.0.0 or 127.0.0.1, got "local host"'],
    ['EVENT_STORE', 'foo', 'EVENT_STORE must be one of embedded, eventstoredb, got "foo"'],
    ['EVENT_STORE_DURABILITY', 'extra', 'EVENT_STORE_DURABILITY must be one of full, normal, got "extra"'],
    ['LOG_LEVEL', 'verbose', 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "verbose"'],
    ['SERVICE_NAME', 'cdp platform', expect.stringMatching(/^SERVICE_NAME must be 1 to 64 letters, .*, got "cdp platform"$/)],
  ])('rejects %s=%s, saying what is allowed', (variable, value, message) => {
    expect(problemsOf({ [variable]: value }).problems).toEqual([{ variable, message }]);
  });

  it('requires a connection string for EventStoreDB', () => {
    expect(problemsOf({ EVENT_STORE: 'eventstoredb' }).problems).toEqual([
      {
        variable: 'EVENTSTORE_CONNECTION_STRING',
        message:
          'EVENTSTORE_CONNECTION_STRING is required when EVENT_STORE=eventstoredb: it must be a connection string starting with esdb:// or esdb+discover://',
      },
    ]);
  });

  it('rejects a connection string of another scheme', () => {
    const error = problemsOf({ EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'http://localhost:2113' });
    expect(error.problems.map((problem) => problem.variable)).toEqual(['EVENTSTORE_CONNECTION_STRING']);
  });

  it('lists every wrong variable at once, each on its own line', () => {
    const error = problemsOf({ PORT: 'abc', EVENT_STORE: 'foo', LOG_LEVEL: 'loud' });
    expect(error.problems.map((problem) => problem.variable)).toEqual(['PORT', 'EVENT_STORE', 'LOG_LEVEL']);
    expect(error.message.split('\n')).toEqual([
      'invalid configuration (3 problems):',
      '  - PORT must be an integer 0-65535 (0 picks a free port), got "abc"',
      '  - EVENT_STORE must be one of embedded, eventstoredb, got "foo"',
      '  - LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"',
    ]);
  });

  describe('ingestion', () => {
    it('consumes Kafka only when KAFKA_BROKERS is set, with defaults for the rest', () => {
      expect(loadPlatformConfig({}).kafka).toBeUndefined();
      expect(loadPlatformConfig({ KAFKA_BROKERS: '127.0.0.1:9092,kafka-2:9092' }).kafka).toEqual({
        brokers: ['127.0.0.1:9092', 'kafka-2:9092'],
        topics: ['cdp.customer-events'],
        groupId: 'cdp-ingestion',
        deadLetterTopic: 'cdp.customer-events.dead-letter',
        partitions: 6,
      });
    });

    it('names each wrong ingestion variable', () => {
      const error = problemsOf({ KAFKA_BROKERS: 'no-port', KAFKA_INGEST_TOPICS: 'a,b c', INGEST_MAX_MESSAGE_BYTES: '10' });
      expect(error.problems.map((p) => p.variable).sort()).toEqual(['INGEST_MAX_MESSAGE_BYTES', 'KAFKA_BROKERS', 'KAFKA_INGEST_TOPICS']);
    });
  });

  describe('personal data', () => {
    const key = Buffer.alloc(32, 7).toString('base64');

    it('keeps keys in MongoDB with a master key from the environment', () => {
      const config = loadPlatformConfig({ PERSONAL_DATA_KEY_STORE: 'mongodb', MONGODB_URL: 'mongodb://db:27017/', PERSONAL_DATA_MASTER_KEY: key });
      expect(config.personalData).toEqual({ keyStore: { kind: 'mongodb', url: 'mongodb://db:27017/', database: 'cdp' }, masterKey: key });
    });

    it('requires the master key with MongoDB, where every replica must unwrap the same keys', () => {
      const error = problemsOf({ PERSONAL_DATA_KEY_STORE: 'mongodb', MONGODB_URL: 'mongodb://db:27017/' });
      expect(error.problems).toEqual([{ variable: 'PERSONAL_DATA_MASTER_KEY', message: expect.stringContaining('openssl rand -base64 32') }]);
    });

    it('refuses a master key that is not 32 bytes', () => {
      expect(problemsOf({ PERSONAL_DATA_MASTER_KEY: 'c2hvcnQ=' }).problems[0].variable).toBe('PERSONAL_DATA_MASTER_KEY');
    });
  });
});
