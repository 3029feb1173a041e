import { prepareStreamMetadata, readStreamMetadata } from '@eventstore/db-client/dist/streams/utils/streamMetadata';
import { InvalidEventStoreArgumentError } from '@cdp/event-store';
import { fromClientStreamMetadata, toClientStreamMetadata } from './stream-metadata-mapping';

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

  it('keeps EventStoreDB settings the port does not model (acl, cacheControl) as custom keys, so a get-then-set keeps them', () => {
    const read = fromClientStreamMetadata(readStreamMetadata({ $maxCount: 5, $acl: { $r: ['ops'] }, $cacheControl: 30 }));
    expect(read).toEqual({ maxCount: 5, custom: { acl: { readRoles: ['ops'] }, cacheControl: 30 } });
    expect(prepareStreamMetadata(toClientStreamMetadata(read))).toEqual({ $maxCount: 5, $acl: { $r: ['ops'] }, $cacheControl: 30 });
  });

  it('shows the truncate-before of a soft-deleted stream as the server left it', () => {
    const read = fromClientStreamMetadata(readStreamMetadata(JSON.parse('{"$tb":9223372036854775807}')));
    expect(read.truncateBefore).toBe(2 ** 63);
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
