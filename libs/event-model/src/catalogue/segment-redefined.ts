import { IsObject } from 'class-validator';
import { Optional, Text } from './value-rules';
import { EventTypeDefinition } from '../versioning/event-type-definition';

export class SegmentRedefinedV1 {
  @Text(200) name!: string;
  @Optional() @Text(2000) description?: string;
  @IsObject() conditions!: Record<string, unknown>;
}

export type SegmentRedefinedData = SegmentRedefinedV1;

export const segmentRedefined: EventTypeDefinition = {
  type: 'SegmentRedefined',
  origin: 'platform',
  description: 'An analyst replaced the name, description and conditions of a segment; membership is evaluated again.',
  versions: { 1: SegmentRedefinedV1 },
  upcasters: {},
  example: { name: 'French buyers of candles', conditions: { field: 'country', op: 'eq', value: 'FR' } },
};
