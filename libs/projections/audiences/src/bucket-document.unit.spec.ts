import { packBucket, unpackBucket } from './bucket-document';

describe('a stored bucket', () => {
  it('packs ids into one string and values into one JSON text, and unpacks them as they were', () => {
    const bucket = { ids: ['a', 'b', 'c'], values: [{ entries: [] }, null, 'x'] };
    const packed = packBucket('consent:email/marketing', 7, bucket);
    expect(packed).toEqual({ key: 'consent:email/marketing', bucket: 7, count: 3, ids: 'a\nb\nc', values: '[{"entries":[]},null,"x"]' });
    expect(unpackBucket(packed)).toEqual(bucket);
  });

  it('stores no values for a set that carries none, and reads an empty or missing bucket as empty', () => {
    expect(packBucket('members', 0, { ids: ['a', 'b'], values: [] })).toMatchObject({ ids: 'a\nb', values: '' });
    expect(unpackBucket(packBucket('members', 0, { ids: ['a', 'b'], values: [null, null] }))).toEqual({ ids: ['a', 'b'], values: [] });
    expect(unpackBucket(packBucket('members', 0, { ids: [], values: [] }))).toEqual({ ids: [], values: [] });
    expect(unpackBucket(undefined)).toEqual({ ids: [], values: [] });
  });
});
