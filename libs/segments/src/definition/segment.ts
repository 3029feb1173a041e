import { RecordedEvent, SegmentDefinedData, SegmentRedefinedData } from '@cdp/event-model';
import { SegmentCondition } from '../conditions/segment-condition';

/** A segment as its stream tells it: the current definition and its version (1 for the first, +1 per redefinition). */
export type Segment = {
  segmentId: string;
  name: string;
  description: string | null;
  conditions: SegmentCondition;
  version: number;
  definedAt: string;
  /** When the current version was defined. */
  versionDefinedAt: string;
  archivedAt: string | null;
  archiveReason: string | null;
};

export const segmentEventTypes = ['SegmentDefined', 'SegmentRedefined', 'SegmentArchived'] as const;

type SegmentEvent = Pick<RecordedEvent, 'type' | 'data' | 'streamId' | 'metadata'>;

/** The segment after one event of its stream; null before SegmentDefined. Conditions are stored already validated. */
export function evolveSegment(segment: Segment | null, event: SegmentEvent): Segment | null {
  const at = event.metadata.occurredAt;
  switch (event.type) {
    case 'SegmentDefined': {
      const data = event.data as unknown as SegmentDefinedData;
      return {
        segmentId: event.streamId.slice('segment-'.length),
        name: data.name,
        description: data.description ?? null,
        conditions: data.conditions as unknown as SegmentCondition,
        version: 1,
        definedAt: at,
        versionDefinedAt: at,
        archivedAt: null,
        archiveReason: null,
      };
    }
    case 'SegmentRedefined': {
      if (segment === null) return segment;
      const data = event.data as unknown as SegmentRedefinedData;
      return {
        ...segment,
        name: data.name,
        description: data.description ?? null,
        conditions: data.conditions as unknown as SegmentCondition,
        version: segment.version + 1,
        versionDefinedAt: at,
      };
    }
    case 'SegmentArchived':
      return segment === null ? segment : { ...segment, archivedAt: at, archiveReason: (event.data.reason as string | undefined) ?? null };
    default:
      return segment;
  }
}
