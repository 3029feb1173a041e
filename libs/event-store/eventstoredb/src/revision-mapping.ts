import type { AppendExpectedRevision, CurrentRevision as ClientCurrentRevision } from '@eventstore/db-client';
import { CurrentRevision, ExpectedRevision } from '@cdp/event-store';
import { nonNegativeInteger } from './argument-checks';

const twoTo63 = 2n ** 63n;
const twoTo64 = 2n ** 64n;

/** The port's expected revision as the client wants it: the same words, revisions as bigint. */
export function toClientExpectedRevision(expected: ExpectedRevision = 'any'): AppendExpectedRevision {
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return expected;
  return BigInt(nonNegativeInteger(expected, 'expectedRevision'));
}

/**
 * The stream's actual revision from a wrong-expected-version error. Appends report `"no_stream"`;
 * deletes report the server's raw signed longs (-1 = no stream), and some paths send -1 as the
 * unsigned wire value 2^64-1: every negative value means the stream has no events.
 */
export function fromClientCurrentRevision(actual: ClientCurrentRevision | undefined): CurrentRevision {
  if (actual === undefined || actual === 'no_stream') return 'no_stream';
  const signed = actual >= twoTo63 ? actual - twoTo64 : actual;
  return signed < 0n ? 'no_stream' : Number(signed);
}
