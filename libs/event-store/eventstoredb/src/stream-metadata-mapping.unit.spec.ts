import { prepareStreamMetadata, readStreamMetadata } from '@eventstore/db-client/dist/streams/utils/streamMetadata';
import { InvalidEventStoreArgumentError } from '@cdp/event-store';
import { fromClientStreamMetadata, serverSettingsOf, toClientStreamMetadata } from './stream-metadata-mapping';

/** Through the client's own conversion to the stored `$maxCount`/`$tb`/... keys and back. */
const viaServer = (metadata: Parameters<typeof toClientStreamMetadata>[0]) =>
  fromClientStreamMetadata(readStreamMetadata(JSON.parse(JSON.stringify(prepareStreamMetadata(toClientStreamMetadata(metadata))))));

describe('stream metadata', () => {
  it('keeps the system fields and custom keys through a write and a read', () => {
    const metadata = { truncateBefore: 3, maxAge: 3600, maxCount: 10, custom: { owner: 'crm', tier: 2 } };
    expect(prepareStreamMetadata(toClientStreamMetadata(metadata))).toEqual({
      $tb: 3,
      $maxAge: 3600,
      $maxCount: 10,
      owner: 'crm',
      tier: 2,
    });
    expect(viaServer(metadata)).toEqual(metadata);
  });

  it('is empty for a stream without metadata', () => {
    expect(fromClientStreamMetadata(undefined)).toEqual({});
    expect(viaServer({})).toEqual({});
  });

  it('leaves out EventStoreDB settings the port does not model (acl, cacheControl, $ keys), so a get-then-set works', () => {
    const stored = { $maxCount: 5, $acl: { $r: ['ops'] }, $cacheControl: 30, $future: true, owner: 'crm' };
    const read = fromClientStreamMetadata(readStreamMetadata(stored));
    expect(read).toEqual({ maxCount: 5, custom: { owner: 'crm' } });
    expect(prepareStreamMetadata(toClientStreamMetadata(read))).toEqual({ $maxCount: 5, owner: 'crm' });
  });

  it('hands those settings over, to be carried into the next write', () => {
    const current = readStreamMetadata({ $maxCount: 5, $acl: { $r: ['ops'] }, $cacheControl: 30, $future: true, owner: 'crm' });
    expect(prepareStreamMetadata(serverSettingsOf(current))).toEqual({ $acl: { $r: ['ops'] }, $cacheControl: 30, $future: true });
    expect(serverSettingsOf(undefined)).toEqual({});
  });

  it('shows a soft-deleted stream as having no metadata, as the embedded store does', () => {
    const read = fromClientStreamMetadata(readStreamMetadata(JSON.parse('{"$tb":9223372036854775807}')));
    expect(read).toEqual({});
    expect(() => toClientStreamMetadata(read)).not.toThrow();
  });

  it('keeps the largest truncate-before a real stream can have', () => {
    expect(fromClientStreamMetadata({ truncateBefore: Number.MAX_SAFE_INTEGER })).toEqual({ truncateBefore: Number.MAX_SAFE_INTEGER });
    expect(fromClientStreamMetadata({ truncateBefore: 2 ** 53 })).toEqual({});
  });

  it.each(['acl', 'cacheControl', '$acl', '$tb', '$anything'])('refuses the custom key %s, naming it', (key) => {
    expect(() => toClientStreamMetadata({ custom: { [key]: 1 } })).toThrow(InvalidEventStoreArgumentError);
    expect(() => toClientStreamMetadata({ custom: { [key]: 1 } })).toThrow(`"${key}"`);
  });

  it.each([
    [{ maxCount: -1 }],
    [{ maxAge: 1.5 }],
    [{ truncateBefore: Number.NaN }],
    [{ custom: { maxCount: 3 } }],
    [{ custom: { $tb: 3 } }],
  ])('refuses %p', (metadata) => {
    expect(() => toClientStreamMetadata(metadata)).toThrow(InvalidEventStoreArgumentError);
  });
});
