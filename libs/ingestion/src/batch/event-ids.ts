import { v5 as uuidV5 } from 'uuid';

/**
 * The ids of the events one command appends. The first is the command's own id; any further
 * ones derive from it, so that a retried command produces the very same ids.
 */
export function eventIdsFor(commandEventId: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => (index === 0 ? commandEventId : uuidV5(String(index), commandEventId)));
}
