import { Optional, Text } from './value-rules';
import { EventTypeDefinition } from '../versioning/event-type-definition';

export class SegmentArchivedV1 {
  @Optional() @Text(500) reason?: string;
}

export type SegmentArchivedData = SegmentArchivedV1;

export const segmentArchived: EventTypeDefinition = {
  type: 'SegmentArchived',
  origin: 'platform',
  description: 'The segment is no longer evaluated; its definition and history stay readable.',
  versions: { 1: SegmentArchivedV1 },
  upcasters: {},
  example: { reason: 'summer sale over' },
};
