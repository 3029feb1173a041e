import { StreamDeletedError, WrongExpectedVersionError } from '@cdp/event-store';
import { checkExpectedRevision, matchRetry } from './append-rules';
import { streamState } from './schema';

const live = (lastRevision: number) => ({ state: streamState.live, lastRevision });
const softDeleted = (lastRevision: number) => ({ state: streamState.softDeleted, lastRevision });
const id = (n: number) => Buffer.alloc(16, n);

describe('checkExpectedRevision', () => {
  it.each([
    ['a missing stream', undefined, 'no_stream'],
    ['a missing stream', undefined, 'any'],
    ['an existing stream', live(4), 'any'],
    ['an existing stream', live(4), 'stream_exists'],
    ['an existing stream', live(4), 4],
    ['a soft-deleted stream', softDeleted(4), 'no_stream'],
    ['a soft-deleted stream', softDeleted(4), 4],
    ['a soft-deleted stream', softDeleted(4), 'any'],
  ] as const)('given %s, expecting %s is accepted', (_, facts, expected) => {
    expect(() => checkExpectedRevision('s', facts, expected)).not.toThrow();
  });

  it.each([
    ['a missing stream', undefined, 'stream_exists', 'no_stream'],
    ['a missing stream', undefined, 0, 'no_stream'],
    ['an existing stream', live(4), 'no_stream', 4],
    ['an existing stream', live(4), 3, 4],
    ['a soft-deleted stream', softDeleted(4), 2, 4],
  ] as const)('given %s, expecting %s is a conflict with the actual revision', (_, facts, expected, actual) => {
    expect(() => checkExpectedRevision('s', facts, expected)).toThrow(new WrongExpectedVersionError('s', expected, actual));
  });

  it('given a soft-deleted stream, stream_exists is refused as deleted', () => {
    expect(() => checkExpectedRevision('s', softDeleted(1), 'stream_exists')).toThrow(StreamDeletedError);
  });

  it('given a tombstoned stream, everything is refused as deleted', () => {
    for (const expected of ['any', 'no_stream', 'stream_exists', 1] as const) {
      expect(() => checkExpectedRevision('s', { state: streamState.tombstoned, lastRevision: 1 }, expected)).toThrow(
        StreamDeletedError,
      );
    }
  });
});

describe('matchRetry', () => {
  it('no id already written: a new batch', () => {
    expect(matchRetry([id(1), id(2)], [])).toEqual({ kind: 'new' });
  });

  it('every id written, in order, at consecutive revisions: a retry answered with the original last event', () => {
    expect(matchRetry([id(1), id(2)], [[5, id(1), 50], [6, id(2), 51]])).toEqual({ kind: 'retry', lastRevision: 6, lastPosition: 51 });
  });

  it('only some ids written: a conflict', () => {
    expect(matchRetry([id(1), id(2)], [[5, id(1), 50]])).toEqual({ kind: 'conflict' });
  });

  it('all ids written but in another order or not together: a conflict', () => {
    expect(matchRetry([id(1), id(2)], [[5, id(2), 50], [6, id(1), 51]])).toEqual({ kind: 'conflict' });
    expect(matchRetry([id(1), id(2)], [[5, id(1), 50], [9, id(2), 90]])).toEqual({ kind: 'conflict' });
  });
});
