import { comparePositions, InvalidEventStoreArgumentError } from '@cdp/event-store';
import { decodePosition, encodePosition } from './position-codec';

describe('EventStoreDB positions', () => {
  it('encode commit and prepare as fixed-width decimal and decode back', () => {
    const position = { commit: 1234n, prepare: 1200n };
    const encoded = encodePosition(position);
    expect(encoded).toBe('00000000000000001234/00000000000000001200');
    expect(decodePosition(encoded)).toEqual(position);
  });

  it('hold the whole unsigned 64-bit range', () => {
    const position = { commit: 2n ** 64n - 1n, prepare: 0n };
    expect(decodePosition(encodePosition(position))).toEqual(position);
  });

  it('compare as strings in the order the server compares (commit, prepare)', () => {
    const positions = [
      { commit: 0n, prepare: 0n },
      { commit: 9n, prepare: 9n },
      { commit: 10n, prepare: 3n },
      { commit: 10n, prepare: 10n },
      { commit: 100n, prepare: 2n },
      { commit: 2n ** 63n, prepare: 2n ** 63n },
    ];
    const shuffled = [positions[3], positions[5], positions[0], positions[4], positions[2], positions[1]];
    const sorted = shuffled.map(encodePosition).sort(comparePositions).map(decodePosition);
    expect(sorted).toEqual(positions);
  });

  it.each(['', '12/34', '1234', '00000000000000001234', '0000000000000000123a/00000000000000001200',
    ' 00000000000000001234/00000000000000001200', '00000000000000001234-00000000000000001200',
    '99999999999999999999/00000000000000000000'])('reject %p as a position', (malformed) => {
    expect(() => decodePosition(malformed)).toThrow(InvalidEventStoreArgumentError);
  });
});
