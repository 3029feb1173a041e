import { RecordedEvent } from '@cdp/event-model';
import { compileFilter, EventFilter, Subscription, SubscriptionMessage } from '@cdp/event-store';
import { decodeEvent, encodePosition, LogRow } from './event-codec';
import { ChangeSignal } from './change-signal';

export interface LogReader {
  readAllPage(fromPosition: number, limit: number): LogRow[];
}

/**
 * Catch-up then live, by position: each step reads the page after the last position handed out,
 * whether it was written long ago or a moment ago. One query serves both, so the switch to live
 * can have no gap and no duplicate. The consumer's pace drives the reads (one page at a time).
 */
export function subscribeToLog(
  log: LogReader,
  signal: ChangeSignal,
  options: { after: number; filter?: EventFilter; pageSize: number; pollIntervalMs: number; isOpen: () => boolean },
): Subscription {
  let closed = false;
  const wanted = compileFilter(options.filter);
  const open = () => !closed && options.isOpen();

  async function* messages(): AsyncGenerator<SubscriptionMessage> {
    let after = options.after;
    let caughtUp = false;
    while (open()) {
      const seen = signal.version;
      const rows = log.readAllPage(after + 1, options.pageSize);
      let skipped = false;
      for (const row of rows) {
        after = row[0];
        const streamId = row[9];
        if (!wanted({ streamId, type: row[4] })) {
          skipped = true;
          continue;
        }
        const event: RecordedEvent = decodeEvent(row, streamId);
        yield { kind: 'event', event };
        if (!open()) return;
      }
      if (skipped && options.filter) yield { kind: 'checkpoint', position: encodePosition(after) };
      if (rows.length < options.pageSize) {
        if (!caughtUp) {
          caughtUp = true;
          yield { kind: 'caughtUp', position: after > 0 ? encodePosition(after) : null };
        }
        if (open()) await signal.wait(seen, options.pollIntervalMs);
      }
    }
  }

  const iterator = messages();
  return {
    [Symbol.asyncIterator]: () => iterator,
    close: async () => {
      closed = true;
      signal.notify();
      await iterator.return(undefined);
    },
  };
}
