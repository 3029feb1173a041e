import { EventStoreConfig } from '@cdp/config';

const anyInterface = new Set(['0.0.0.0', '::', '[::]']);

/** The URL a person on this machine can open: a wildcard bind address is not one. */
export function reachableUrl(host: string, port: number): string {
  const name = anyInterface.has(host) ? '127.0.0.1' : host;
  return `http://${name.includes(':') && !name.startsWith('[') ? `[${name}]` : name}:${port}`;
}

/** Which store runs, without the credentials a connection string may hold. */
export function describeEventStore(config: EventStoreConfig): string {
  return config.kind === 'embedded'
    ? `embedded, ${config.dataDir}`
    : `eventstoredb, ${config.connectionString.replace(/\/\/[^@/]*@/, '//***@')}`;
}

export function listeningMessage(url: string, eventStore: EventStoreConfig): string {
  return `CDP platform listening on ${url} (event store: ${describeEventStore(eventStore)}); API docs at ${url}/docs`;
}
