import { ANY, NO_STREAM, STREAM_EXISTS } from '@eventstore/db-client';
import { InvalidEventStoreArgumentError } from '@cdp/event-store';
import { fromClientCurrentRevision, toClientExpectedRevision } from './revision-mapping';

describe('expected revisions for the client', () => {
  it('keep the words, which the client spells the same', () => {
    expect(toClientExpectedRevision('any')).toBe(ANY);
    expect(toClientExpectedRevision('no_stream')).toBe(NO_STREAM);
    expect(toClientExpectedRevision('stream_exists')).toBe(STREAM_EXISTS);
    expect(toClientExpectedRevision(undefined)).toBe(ANY);
  });

  it('turn revisions into bigints', () => {
    expect(toClientExpectedRevision(0)).toBe(0n);
    expect(toClientExpectedRevision(41)).toBe(41n);
  });

  it.each([-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])('reject %p', (revision) => {
    expect(() => toClientExpectedRevision(revision)).toThrow(InvalidEventStoreArgumentError);
  });
});

describe('actual revisions from the client', () => {
  it('read "no_stream" from append errors', () => {
    expect(fromClientCurrentRevision('no_stream')).toBe('no_stream');
  });

  it('read revisions as numbers', () => {
    expect(fromClientCurrentRevision(0n)).toBe(0);
    expect(fromClientCurrentRevision(7n)).toBe(7);
  });

  it('read the raw -1 of delete errors, signed or as its unsigned wire value, as no stream', () => {
    expect(fromClientCurrentRevision(-1n)).toBe('no_stream');
    expect(fromClientCurrentRevision(2n ** 64n - 1n)).toBe('no_stream');
  });
});
