import { RecordedEvent } from '@cdp/event-model';
import { segmentDecider, SegmentCommand, SegmentEventDraft } from './segment-decider';
import { InvalidSegmentError, SegmentAlreadyDefinedError, SegmentArchivedError, SegmentNotDefinedError } from './segment-errors';
import { Segment } from './segment';

const definition = { name: 'Candle lovers', conditions: { bought: { category: 'candles', withinDays: 90 } } };
const define: SegmentCommand = { type: 'DefineSegment', data: { segmentId: 'candles', ...definition } };

/** given the recorded drafts, when a command, then these events (or an error). */
function given(drafts: SegmentEventDraft[]) {
  const state = drafts.reduce<Segment | null>(
    (segment, draft, index) =>
      segmentDecider.evolve(segment, { ...draft, streamId: 'segment-candles', metadata: { occurredAt: `2025-01-0${index + 1}T00:00:00.000Z` } } as unknown as RecordedEvent),
    null,
  );
  return { when: (command: SegmentCommand) => segmentDecider.decide(command, state), state };
}

describe('defining a segment', () => {
  it('records SegmentDefined with its conditions normalised', () => {
    expect(given([]).when(define)).toEqual([
      { type: 'SegmentDefined', schemaVersion: 1, data: { name: 'Candle lovers', conditions: { bought: { category: 'candles', atLeast: 1, withinDays: 90 } } } },
    ]);
  });

  it('refuses conditions that do not validate, naming the faulty node', () => {
    const bad: SegmentCommand = { type: 'DefineSegment', data: { segmentId: 'x', name: 'x', conditions: { all: [{ field: 'agee', op: 'eq', value: 1 }] } } };
    expect(() => given([]).when(bad)).toThrow(InvalidSegmentError);
    expect(() => given([]).when(bad)).toThrow(/conditions\.all\[0\]\.field: unknown field "agee"/);
    expect(() => given([]).when({ ...define, data: { ...define.data, name: 'n'.repeat(201) } })).toThrow(/name: name must be shorter than or equal to 200/);
  });

  it('refuses a second definition, and a change of what does not exist', () => {
    const defined = given([]).when(define);
    expect(() => given(defined).when(define)).toThrow(SegmentAlreadyDefinedError);
    expect(() => given([]).when({ type: 'RedefineSegment', data: define.data })).toThrow(SegmentNotDefinedError);
    expect(() => given([]).when({ type: 'ArchiveSegment', data: { segmentId: 'candles' } })).toThrow(SegmentNotDefinedError);
  });

  it('records a redefinition as a new version, and nothing for the same definition', () => {
    const defined = given([]).when(define);
    const changed = { ...define.data, conditions: { bought: { category: 'candles', withinDays: 30 } } };
    const redefined = given(defined).when({ type: 'RedefineSegment', data: changed });
    expect(redefined).toMatchObject([{ type: 'SegmentRedefined', data: { conditions: { bought: { withinDays: 30 } } } }]);
    expect(given([...defined, ...redefined]).state).toMatchObject({ version: 2, versionDefinedAt: '2025-01-02T00:00:00.000Z', definedAt: '2025-01-01T00:00:00.000Z' });
    expect(given([...defined, ...redefined]).when({ type: 'RedefineSegment', data: changed })).toEqual([]);
  });

  it('archives once; an archived segment no longer changes', () => {
    const defined = given([]).when(define);
    const archived = given(defined).when({ type: 'ArchiveSegment', data: { segmentId: 'candles', reason: 'season over' } });
    expect(archived).toEqual([{ type: 'SegmentArchived', schemaVersion: 1, data: { reason: 'season over' } }]);
    expect(given([...defined, ...archived]).when({ type: 'ArchiveSegment', data: { segmentId: 'candles' } })).toEqual([]);
    expect(() => given([...defined, ...archived]).when({ type: 'RedefineSegment', data: define.data })).toThrow(SegmentArchivedError);
  });
});
