import { IsObject } from 'class-validator';
import { Optional, Text } from './value-rules';
import { EventTypeDefinition } from '../versioning/event-type-definition';

export class SegmentDefinedV1 {
  @Text(200) name!: string;
  @Optional() @Text(2000) description?: string;
  /** The condition tree (docs/segments.md); the segments decider validates it before the event is written. */
  @IsObject() conditions!: Record<string, unknown>;
}

export type SegmentDefinedData = SegmentDefinedV1;

export const segmentDefined: EventTypeDefinition = {
  type: 'SegmentDefined',
  origin: 'platform',
  description: 'An analyst defined a segment: who belongs to it, as a condition tree. The first event of segment-<id>.',
  versions: { 1: SegmentDefinedV1 },
  upcasters: {},
  example: {
    name: 'French buyers of candles',
    conditions: { all: [{ field: 'country', op: 'eq', value: 'FR' }, { bought: { category: 'candles', withinDays: 90 } }] },
  },
};
