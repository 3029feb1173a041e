import { v5 as uuidV5 } from 'uuid';
import { ChangeCause } from './membership';

const membershipChangeNamespace = '3c8e2f4a-6b1d-5f7e-9a2c-8d4b6e0f1a37';

/** The same cause of the same change always gives the same id (uuid v5). */
export function membershipChangeId(segmentId: string, version: number, customerId: string, change: 'entered' | 'left', cause: ChangeCause): string {
  const causeKey = cause.kind === 'event' ? `event:${cause.position}` : cause.kind === 'time' ? `time:${cause.dueAt}` : `definition:${cause.version}`;
  return uuidV5(`${segmentId}|${version}|${customerId}|${change}|${causeKey}`, membershipChangeNamespace);
}
