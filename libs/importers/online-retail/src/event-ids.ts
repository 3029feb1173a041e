import { v5 as uuidv5 } from 'uuid';

/** Fixed namespace of this importer's event ids: never change it, or a re-import duplicates every event. */
export const onlineRetailEventIdNamespace = '4f0d2a36-1b5e-5c7e-9a8f-6d3c2b1a0e97';

/** A deterministic event id, from the invoice number and what the message is, so importing twice adds nothing. */
export function onlineRetailEventId(...parts: readonly string[]): string {
  return uuidv5(parts.join('/'), onlineRetailEventIdNamespace);
}
