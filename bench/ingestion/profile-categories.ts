/** A frame of a V8 CPU profile. */
export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

export const idle = 'Idle (waiting for Kafka, timers)';
export const gc = 'Garbage collection';

// V8's pseudo-frames.
const pseudoFrames: Record<string, string> = {
  '(garbage collector)': gc,
  '(idle)': idle,
  '(program)': 'V8/Node native, outside JS (program)',
  '(root)': 'V8/Node native, outside JS (program)',
};

/**
 * Where a sample's time belongs, by the first frame from the leaf up that one of these names.
 * Native frames (no url: JSON.parse runs inside its caller, better-sqlite3's `run`/`exec`, …) and
 * Node's own modules (node:crypto, node:buffer) are skipped, so they count for the code that called them.
 */
const rules: { category: string; matches(frame: CallFrame): boolean }[] = [
  // JSON.parse has no frame of its own: its time is this function's self time (with the UTF-8 decoding below it).
  { category: 'JSON.parse of message values', matches: (f) => f.functionName === 'parseIngestionBytes' },
  { category: 'Kafka client (kafkajs: fetch, decode, commit)', matches: (f) => f.url.includes('/node_modules/kafkajs/') },
  {
    category: 'Validation (Ajv, class-validator, class-transformer)',
    matches: (f) =>
      /\/node_modules\/(ajv|ajv-formats|fast-uri|class-validator|class-transformer|validator|reflect-metadata)\//.test(f.url) ||
      f.url.includes('/libs/event-model/dist/validation/') ||
      (f.functionName === 'validate' && f.url.includes('/libs/event-model/dist/versioning/')),
  },
  { category: 'Envelope checks, catalogue, upcast', matches: (f) => f.url.includes('/libs/ingestion/dist/message/') || f.url.includes('/libs/event-model/') },
  { category: 'Decide (customer decider, batch)', matches: (f) => f.url.includes('/libs/customer/') || f.url.includes('/libs/ingestion/dist/batch/') },
  { category: 'Personal data (check, AES-GCM)', matches: (f) => f.url.includes('/libs/personal-data/') },
  { category: 'Event ids (uuid v5: SHA-1)', matches: (f) => f.url.includes('/node_modules/uuid/') },
  {
    category: 'Event store append (serialise, SQLite, COMMIT + fsync)',
    matches: (f) => f.url.includes('/node_modules/better-sqlite3/') || f.url.includes('/libs/event-store/'),
  },
  { category: 'Nest CQRS command bus', matches: (f) => /\/node_modules\/(@nestjs\/cqrs|rxjs)\//.test(f.url) },
  { category: 'Metrics and logging (prom-client, pino)', matches: (f) => /\/node_modules\/(prom-client|pino|nestjs-pino|sonic-boom|pino-std-serializers)\//.test(f.url) },
  { category: 'Platform ingestion code (gateway, service, handler, stream cache)', matches: (f) => f.url.includes('/apps/platform/dist/') },
  { category: 'Other libraries (Nest, Express, …)', matches: (f) => f.url.includes('/node_modules/') },
];

export const nodeRuntime = 'Node runtime (promises, timers, sockets, buffers)';

export function pseudoCategory(frame: CallFrame): string | undefined {
  return frame.url === '' ? pseudoFrames[frame.functionName] : undefined;
}

/** The category of the first frame that has one, from the leaf up; undefined when only native or Node frames remain. */
export function categoryOf(stack: readonly CallFrame[]): string {
  const pseudo = pseudoCategory(stack[0]);
  if (pseudo) return pseudo;
  for (const frame of stack) {
    if (frame.url === '' || frame.url.startsWith('node:')) continue;
    const rule = rules.find((r) => r.matches(frame));
    if (rule) return rule.category;
  }
  return nodeRuntime;
}

/** Costs worth knowing on their own: a sample counts once for a row when its stack matches. */
export const inclusiveRows = [
  { id: 'parse', label: 'parseIngestionBytes: JSON.parse, envelope, validation, upcast', matches: (s) => has(s, 'parseIngestionBytes') },
  { id: 'parseValidate', label: '… of which eventCatalogue.validate', matches: (s) => has(s, 'parseIngestionBytes') && validating(s) },
  { id: 'decide', label: 'decideCustomerBatch: decider, event ids of further drafts', matches: (s) => has(s, 'decideCustomerBatch') },
  {
    id: 'decideValidate',
    label: '… of which eventCatalogue.validate again (the decider validates every draft)',
    matches: (s) => has(s, 'decideCustomerBatch') && validating(s),
  },
  { id: 'messageEventId', label: 'eventIdForMessage: uuid v5 of the Kafka coordinates, for every message', matches: (s) => has(s, 'eventIdForMessage') },
  { id: 'encrypt', label: 'PersonalDataCipher.encryptEvents', matches: (s) => has(s, 'encryptEvents', '/libs/personal-data/') },
  {
    id: 'prepareBatch',
    label: 'EmbeddedEventStore.prepareBatch: ids to bytes, JSON.stringify of data and metadata',
    matches: (s) => has(s, 'prepareBatch', '/libs/event-store/'),
  },
  { id: 'flush', label: 'GroupCommit.flush: the inserts of every append of the tick, COMMIT', matches: (s) => has(s, 'flush', '/libs/event-store/') },
  {
    id: 'exec',
    label: '… of which db.exec (BEGIN, SAVEPOINT, RELEASE, COMMIT with its fsync)',
    matches: (s) => has(s, 'flush', '/libs/event-store/') && s[0].functionName === 'exec' && (s[0].url === '' || s[0].url.includes('/better-sqlite3/')),
  },
  { id: 'load', label: 'CustomerStreams.load: reading a stream the cache does not hold', matches: (s) => has(s, 'load', '/apps/platform/dist/ingestion/customer-streams') },
  {
    id: 'streamNotFound',
    label: '… of which new StreamNotFoundError (a new customer: the read throws, with a stack trace)',
    matches: (s) => has(s, 'StreamNotFoundError'),
  },
  { id: 'isNumber', label: "class-validator's isNumber, called by the Ajv keyword x-max-decimal-places", matches: (s) => has(s, 'isNumber', '/class-validator/') },
  { id: 'metrics', label: 'IngestionMetrics.count', matches: (s) => has(s, 'count', '/apps/platform/dist/ingestion/ingestion-metrics') },
] as const satisfies readonly { id: string; label: string; matches(stack: readonly CallFrame[]): boolean }[];

export type InclusiveRowId = (typeof inclusiveRows)[number]['id'];

function validating(stack: readonly CallFrame[]): boolean {
  return has(stack, 'validate', '/libs/event-model/dist/versioning/');
}

function has(stack: readonly CallFrame[], functionName: string, url = ''): boolean {
  return stack.some((f) => f.functionName === functionName && f.url.includes(url));
}
