import { createHash } from 'node:crypto';
import { v5 as uuidV5 } from 'uuid';

// Fixed forever: changing it would make every re-imported line a new event.
const importedLineNamespace = '0d4c5e4b-7a51-4a3f-b7f4-2c9e8f1b6a37';

/**
 * The id of the event a file line becomes when the line names none: derived from its content,
 * so importing the file again, or the same line from another file, records nothing new.
 */
export function lineEventId(text: string): string {
  return uuidV5(createHash('sha256').update(text.trim()).digest('hex'), importedLineNamespace);
}
