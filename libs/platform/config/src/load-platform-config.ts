import { ConfigError } from './config-error';
import { EnvReader } from './env-reader';
import {
  ApiAccessConfig,
  ApiRole,
  apiRoles,
  durabilities,
  EventStoreConfig,
  eventStoreKinds,
  KafkaIngestionConfig,
  keyStoreKinds,
  logLevels,
  PersonalDataConfig,
  PlatformConfig,
  ProjectionsConfig,
  projectionWorkerPlacements,
  ReadStoreConfig,
  readStoreKinds,
} from './platform-config';

const topicPattern = /^[A-Za-z0-9._-]{1,249}$/;

/**
 * The platform's configuration from its environment, validated once at start-up.
 * Throws a `ConfigError` naming every wrong variable; never reads anything but `env`.
 */
export function loadPlatformConfig(env: Readonly<Record<string, string | undefined>>): PlatformConfig {
  const read = new EnvReader(env);
  const http = {
    // All interfaces by default: in a container, the loopback interface is unreachable from outside.
    host: read.matching('HOST', /^[A-Za-z0-9.:%[\]-]{1,253}$/, 'a host name or an IP address, e.g. 0.0.0.0 or 127.0.0.1', '0.0.0.0'),
    port: read.integer('PORT', { min: 0, max: 65535, hint: '0 picks a free port' }, 3000),
  };
  const eventStore = readEventStore(read);
  const config: PlatformConfig = {
    http,
    eventStore,
    ingestion: {
      maxMessageBytes: read.integer('INGEST_MAX_MESSAGE_BYTES', { min: 1024, max: 1_048_576, hint: 'bytes, at most 1 MiB' }, 262_144),
    },
    ...readKafka(read),
    personalData: readPersonalData(read, eventStore),
    readStore: readReadStore(read, eventStore),
    projections: readProjections(read),
    apiAccess: readApiAccess(read),
    campaigns: { coolingOffDays: read.integer('CAMPAIGN_COOLING_OFF_DAYS', { min: 0, max: 3650, hint: 'days' }, 30) },
    segments: {
      changesTopic: read.matching('SEGMENT_CHANGES_TOPIC', topicPattern, 'a topic name', 'cdp.segment-membership'),
      dueCheckIntervalMs: read.integer('SEGMENT_DUE_CHECK_MS', { min: 10, max: 3_600_000, hint: 'milliseconds' }, 1000),
    },
    logLevel: read.oneOf('LOG_LEVEL', logLevels, 'info'),
    serviceName: read.matching(
      'SERVICE_NAME',
      /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
      '1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit',
      'cdp-platform',
    ),
  };
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return config;
}

function readEventStore(read: EnvReader): EventStoreConfig {
  const kind = read.oneOf('EVENT_STORE', eventStoreKinds, 'embedded');
  if (kind === 'eventstoredb') {
    const connectionString = read.required(
      'EVENTSTORE_CONNECTION_STRING',
      /^esdb(\+discover)?:\/\/\S+$/,
      'a connection string starting with esdb:// or esdb+discover://',
      'when EVENT_STORE=eventstoredb',
    );
    return { kind, connectionString };
  }
  return {
    kind,
    dataDir: read.raw('EVENT_STORE_DATA_DIR') ?? './data',
    durability: read.oneOf('EVENT_STORE_DURABILITY', durabilities, 'full'),
  };
}

function readKafka(read: EnvReader): { kafka?: KafkaIngestionConfig } {
  const brokers = read.raw('KAFKA_BROKERS');
  if (brokers === undefined) return {};
  const list = (variable: string, fallback: string) =>
    read.matching(variable, /^[A-Za-z0-9._-]{1,249}(,[A-Za-z0-9._-]{1,249})*$/, 'comma-separated topic names', fallback).split(',');
  return {
    kafka: {
      brokers: read
        .matching('KAFKA_BROKERS', /^[A-Za-z0-9.[\]:-]+:\d+(,[A-Za-z0-9.[\]:-]+:\d+)*$/, 'comma-separated host:port pairs, e.g. 127.0.0.1:9092', brokers)
        .split(','),
      topics: list('KAFKA_INGEST_TOPICS', 'cdp.customer-events'),
      groupId: read.matching('KAFKA_CONSUMER_GROUP', topicPattern, 'a consumer group id', 'cdp-ingestion'),
      deadLetterTopic: read.matching('KAFKA_DEAD_LETTER_TOPIC', topicPattern, 'a topic name', 'cdp.customer-events.dead-letter'),
      partitions: read.integer('KAFKA_INGEST_PARTITIONS', { min: 1, max: 1000 }, 6),
    },
  };
}

function readPersonalData(read: EnvReader, eventStore: EventStoreConfig): PersonalDataConfig {
  const kind = read.oneOf('PERSONAL_DATA_KEY_STORE', keyStoreKinds, 'embedded');
  const masterKey = read.raw('PERSONAL_DATA_MASTER_KEY');
  if (masterKey !== undefined && Buffer.from(masterKey, 'base64').length !== 32) {
    read.problems.push({ variable: 'PERSONAL_DATA_MASTER_KEY', message: 'PERSONAL_DATA_MASTER_KEY must be 32 bytes in base64, e.g. from `openssl rand -base64 32`' });
  }
  const masterKeyPart = masterKey === undefined ? {} : { masterKey };
  if (kind === 'mongodb') {
    if (masterKey === undefined) {
      // Every replica must unwrap the same keys: a key file made by each of them would not do.
      read.problems.push({ variable: 'PERSONAL_DATA_MASTER_KEY', message: 'PERSONAL_DATA_MASTER_KEY is required when PERSONAL_DATA_KEY_STORE=mongodb: 32 bytes in base64, e.g. from `openssl rand -base64 32`' });
    }
    const url = read.required('MONGODB_URL', /^mongodb(\+srv)?:\/\/\S+$/, 'a URL starting with mongodb://', 'when PERSONAL_DATA_KEY_STORE=mongodb');
    const database = read.matching('MONGODB_DATABASE', /^[A-Za-z0-9_-]{1,63}$/, 'a database name', 'cdp');
    return { keyStore: { kind, url, database }, ...masterKeyPart };
  }
  const dataDir = read.raw('PERSONAL_DATA_DIR') ?? (eventStore.kind === 'embedded' ? eventStore.dataDir : './data');
  return { keyStore: { kind, dataDir }, ...masterKeyPart };
}

function readReadStore(read: EnvReader, eventStore: EventStoreConfig): ReadStoreConfig {
  const kind = read.oneOf('READ_STORE', readStoreKinds, 'embedded');
  if (kind === 'mongodb') {
    const url = read.required('MONGODB_URL', /^mongodb(\+srv)?:\/\/\S+$/, 'a URL starting with mongodb://', 'when READ_STORE=mongodb');
    const database = read.matching('MONGODB_DATABASE', /^[A-Za-z0-9_-]{1,63}$/, 'a database name', 'cdp');
    return { kind, url, database };
  }
  return { kind, dataDir: read.raw('READ_STORE_DATA_DIR') ?? (eventStore.kind === 'embedded' ? eventStore.dataDir : './data') };
}

function readProjections(read: EnvReader): ProjectionsConfig {
  const runWorker = read.oneOf('PROJECTIONS', projectionWorkerPlacements, 'thread');
  const rulesJson = read.raw('CUSTOMER_360_RULES');
  let customer360Rules: Record<string, unknown> | undefined;
  if (rulesJson !== undefined) {
    try {
      const parsed: unknown = JSON.parse(rulesJson);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      customer360Rules = parsed as Record<string, unknown>;
    } catch {
      read.problems.push({ variable: 'CUSTOMER_360_RULES', message: 'CUSTOMER_360_RULES must be a JSON object, e.g. {"reportingCurrency":"EUR"} (see docs/customer-360.md)' });
    }
  }
  return {
    runWorker,
    maxBatchEvents: read.integer('PROJECTION_BATCH_EVENTS', { min: 1, max: 100_000 }, 2000),
    maxBatchWaitMs: read.integer('PROJECTION_BATCH_WAIT_MS', { min: 0, max: 60_000, hint: 'milliseconds' }, 100),
    batchIdleMs: read.integer('PROJECTION_BATCH_IDLE_MS', { min: 0, max: 60_000, hint: 'milliseconds' }, 5),
    // Small by default: the platform runs with a 192 MB heap, and 10,000 large 360° views alone would take ~90 MB.
    cachedDocuments: read.integer('PROJECTION_CACHED_DOCUMENTS', { min: 0, max: 1_000_000 }, 1000),
    ...(customer360Rules ? { customer360Rules } : {}),
  };
}

const tokenEntry = /^([A-Za-z0-9._~+/=-]{16,512}):([a-z-]+(?:\+[a-z-]+)*)$/;

/** `API_TOKENS=<token>:<role>+<role>,…`: a simple role check until a full permission model arrives. */
function readApiAccess(read: EnvReader): ApiAccessConfig {
  const tokens = new Map<string, readonly ApiRole[]>();
  const roleList = (text: string, variable: string): ApiRole[] | undefined => {
    const roles = text.split('+');
    const unknown = roles.filter((role) => !apiRoles.includes(role as ApiRole));
    if (unknown.length === 0) return roles as ApiRole[];
    read.problems.push({ variable, message: `${variable} names unknown roles (${unknown.join(', ')}): the roles are ${apiRoles.join(', ')}` });
    return undefined;
  };
  for (const entry of (read.raw('API_TOKENS') ?? '').split(',').filter((part) => part.length > 0)) {
    const match = tokenEntry.exec(entry.trim());
    if (!match) {
      read.problems.push({ variable: 'API_TOKENS', message: 'API_TOKENS must be comma-separated <token>:<role>+<role> entries, each token 16 to 512 characters' });
      continue;
    }
    const roles = roleList(match[2], 'API_TOKENS');
    if (roles) tokens.set(match[1], roles);
  }
  const anonymous = read.raw('API_ANONYMOUS_ROLES') ?? 'analyst';
  const anonymousRoles = anonymous === '' || anonymous === 'none' ? [] : (roleList(anonymous, 'API_ANONYMOUS_ROLES') ?? []);
  return { tokens, anonymousRoles };
}
