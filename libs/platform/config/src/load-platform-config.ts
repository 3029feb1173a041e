import { ConfigError } from './config-error';
import { EnvReader } from './env-reader';
import { durabilities, EventStoreConfig, eventStoreKinds, logLevels, PlatformConfig } from './platform-config';

/**
 * The platform's configuration from its environment, validated once at start-up.
 * Throws a `ConfigError` naming every wrong variable; never reads anything but `env`.
 */
export function loadPlatformConfig(env: Readonly<Record<string, string | undefined>>): PlatformConfig {
  const read = new EnvReader(env);
  const config: PlatformConfig = {
    http: {
      // All interfaces by default: in a container, the loopback interface is unreachable from outside.
      host: read.matching('HOST', /^[A-Za-z0-9.:%[\]-]{1,253}$/, 'a host name or an IP address, e.g. 0.0.0.0 or 127.0.0.1', '0.0.0.0'),
      port: read.integer('PORT', { min: 0, max: 65535, hint: '0 picks a free port' }, 3000),
    },
    eventStore: readEventStore(read),
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
