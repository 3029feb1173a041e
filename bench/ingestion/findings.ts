import { ProfileSummary, Share } from './cpu-profile-summary';
import { EndToEndRun } from './end-to-end';
import { int, pct, share } from './format';
import { idle, InclusiveRowId } from './profile-categories';
import { ceilings, endToEndRate, IngestBenchResults } from './results';

// A cost below this share of the busy time is not worth a line.
const worthNaming = 0.005;

/** What the numbers say, and what would speed ingestion up, with this run's numbers; a point whose cost is gone is left out. */
export function findings(r: IngestBenchResults, run: EndToEndRun, p: ProfileSummary): string[] {
  const row = (id: InclusiveRowId) => (p.inclusive.find((x) => x.id === id) as Share).busyShare;
  const category = (prefix: string) => p.categories.find((c) => c.label.startsWith(prefix))?.busyShare ?? 0;
  const { consumeRate, appendRate } = ceilings(r);
  const e2eRate = endToEndRate(r);
  const appends = r.rawAppends[0];
  const eventsPerAppend = appends.events / appends.appends;
  const busyMsPerEvent = (p.windowSeconds * 1000 * (1 - p.idleShare)) / run.stored;
  const storeIsLargest = p.categories.find((c) => c.label !== idle)?.label.startsWith('Event store') ?? false;
  const live = run.majorGcs.map((gc) => gc.usedAfter).sort((a, b) => a - b);
  const liveMedian = live.length > 0 ? live[Math.floor(live.length / 2)] : undefined;

  const gatewayFixes = [
    {
      share: row('messageEventId'),
      lines: [
        '`ingestBatch` (`apps/platform/src/ingestion/kafka/kafka-ingestion.gateway.ts`): derive `defaultEventId` (uuid v5 of the Kafka',
        `coordinates) only for a message without \`eventId\`: up to ${share(row('messageEventId'))}.`,
      ],
    },
    {
      share: row('decideValidate'),
      lines: [
        "Validate once: the decider's `validated()` (`libs/customer/src/decide.ts`) repeats `eventCatalogue.validate` on data",
        `\`parseIngestionMessage\` has just validated: up to ${share(row('decideValidate'))}.`,
      ],
    },
    {
      share: row('isNumber') * 0.8,
      lines: [
        "`x-max-decimal-places` in `libs/event-model/src/validation/compiled-validator.ts`: a numeric check instead of class-validator's",
        `\`isNumber\` (string formatting per value with a fraction): most of ${share(row('isNumber'))}.`,
      ],
    },
  ].filter((fix) => fix.share >= worthNaming);
  const removable = gatewayFixes.reduce((sum, fix) => sum + fix.share, 0);
  const fixes: string[][] = [
    ...gatewayFixes.map((fix) => fix.lines),
    [
      `Bigger appends: the store pays per append and per transaction, and the gateway makes one append per customer run per batch`,
      `(${eventsPerAppend.toFixed(1)} events). Fewer, larger appends (a customer's runs of all the batches of one fetch together), or an append path`,
      'that shares the stream look-ups of one transaction, raise the ceiling itself; so does `EVENT_STORE_DURABILITY=normal` where its',
      'trade-off is acceptable.',
    ],
    [
      'Overlap: better-sqlite3 blocks the event loop for the inserts and the fsync; a writer on a worker thread would let parsing and',
      'validating the next batch run meanwhile, on the second core (which the broker shares here).',
    ],
    ...(row('streamNotFound') >= worthNaming
      ? [
          [
            `A new customer's first read throwing \`StreamNotFoundError\` costs ${share(row('streamNotFound'))}; a "stream not found" answer without`,
            'an exception (or remembering that a customer has no stream yet) avoids it.',
          ],
        ]
      : []),
  ];

  return [
    '### Reading it',
    '',
    p.idleShare < 0.2
      ? `- **The platform is CPU-bound on one core.** Its main thread is idle ${share(p.idleShare)} of the window: it is not waiting for Kafka`
      : `- **The platform's main thread is idle ${share(p.idleShare)} of the window**, waiting for Kafka or timers`,
    `  (kafkajs's own work is ${share(category('Kafka client'))} of the busy time). Under the profiler it spends ${busyMsPerEvent.toFixed(3)} ms of main-thread time per event.`,
    `- **The event store${storeIsLargest ? ' is the largest share' : ''}: ${share(category('Event store'))} of the busy time.** \`GroupCommit.flush\` ${share(row('flush'))}, of which`,
    `  ${share(row('exec'))} in \`db.exec\` (transaction control and the COMMIT's fsync, synchronous on the main thread);`,
    `  \`prepareBatch\` ${share(row('prepareBatch'))} (JSON.stringify of data and metadata, ids to bytes). The appends are small:`,
    `  the gateway's grouping gives ${eventsPerAppend.toFixed(1)} events per append here (${int(appends.appends)} appends for ${int(appends.events)} events),`,
    '  one per customer run in a Kafka batch, so the per-append work (stream look-up, last revision, id look-up, savepoint) comes every few events.',
    appendRate < consumeRate
      ? `  That is also why the raw-append ceiling, ${int(appendRate)} events/s, is under the raw consume (${int(consumeRate)}/s): the store, not Kafka, bounds ingestion.`
      : `  The raw-append ceiling, ${int(appendRate)} events/s, is above the raw consume (${int(consumeRate)}/s): Kafka bounds ingestion here.`,
    `- **Every event is validated twice.** \`parseIngestionBytes\` validates the message's data (${share(row('parseValidate'))}), then the decider`,
    `  validates every draft it makes (${share(row('decideValidate'))}), though for a fact recorded as given the draft is that same, already valid data.`,
    "  Within both, class-validator's `isNumber`, which the Ajv keyword `x-max-decimal-places` calls for every money amount (each order",
    `  line's unit price), takes ${share(row('isNumber'))}: for a value with a fraction it formats the number as a string and splits it.`,
    `- **JSON.parse** of the values takes ${share(category('JSON.parse'))}, **garbage collection** ${share(category('Garbage'))}.`,
    ...(row('messageEventId') >= worthNaming
      ? [
          `- **An event id nobody uses:** \`eventIdForMessage\` (uuid v5, SHA-1, of the message's topic/partition/offset) runs for every message,`,
          `  ${share(row('messageEventId'))}, though every message here carries its own \`eventId\` and the derived one is then dropped.`,
        ]
      : []),
    `- **New customers:** \`CustomerStreams.load\` reads the stream of a customer its cache does not hold (${share(row('load'))}); for a new`,
    `  customer the store throws \`StreamNotFoundError\`, whose construction (a stack trace) is ${share(row('streamNotFound'))}. Here one message in`,
    `  ${Math.round(r.workload.fileMessages / r.workload.customersPerRepetition)} is a new customer's first.`,
    `- Encryption costs ${share(row('encrypt'))}${r.workload.personalFields === 0 ? ' (no field to encrypt, see the workload)' : ''}, the CQRS command bus ${share(category('Nest CQRS'))}, metrics ${share(row('metrics'))}.`,
    '',
    '### What would speed it up',
    '',
    `The shares are of the profiled run's busy time, so each is an upper bound of what its fix saves. End to end is at ${int(e2eRate)} events/s;`,
    ...(appendRate < 25_000
      ? [
          `${int(appendRate)} events/s is the store's own ceiling with this grouping, so`,
          '**no change to the gateway alone can reach 25,000 events/s on this machine**: that takes a faster append path.',
        ]
      : [`the store's own ceiling with this grouping is ${int(appendRate)} events/s.`]),
    '',
    ...fixes.flatMap((lines, k) => lines.map((line, l) => (l === 0 ? `${k + 1}. ${line}` : `   ${line}`))),
    ...(gatewayFixes.length > 1
      ? [
          '',
          `Together ${gatewayFixes.map((_, k) => k + 1).join(', ').replace(/, (\d+)$/, ' and $1')} are about ${share(removable)} of the busy time, which would lift end to end by about ${pct(1 / (1 - removable) - 1)}.`,
        ]
      : []),
    ...(liveMedian === undefined
      ? []
      : [
          '',
          `Memory: the heap a major GC finds alive is about ${liveMedian.toFixed(0)} MB (median, profiled run); much of the rest of the heap is garbage V8 lets`,
          'pile up while the heap is far below its default limit. A cap on the old space (`--max-old-space-size` in `NODE_OPTIONS`, the usual',
          'container setting) bounds RSS, at the price of more frequent major GCs; this benchmark runs the platform with the defaults and does not measure that.',
        ]),
    '',
  ];
}
