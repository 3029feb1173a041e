import { eventCatalogue, Json, JsonObject, RecordedEvent } from '@cdp/event-model';
import { PersonalDataCipher } from '@cdp/personal-data';

type Paths = readonly (readonly string[])[];

/** The data without its personal leaves: what a caller without the personal-data role sees. */
export function withoutPersonalLeaves(data: JsonObject, paths: Paths): JsonObject {
  if (paths.length === 0) return data;
  const copy = structuredClone(data);
  for (const path of paths) removePath(copy, path);
  return copy;
}

function removePath(node: Json | undefined, path: readonly string[]): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) removePath(item, path);
    return;
  }
  const [head, ...rest] = path;
  if (rest.length === 0) delete node[head];
  else removePath(node[head], rest);
}

/** An event as the caller may see it: decrypted for the personal-data role, its personal leaves removed otherwise. */
export async function eventForCaller(event: RecordedEvent, customerId: string, cipher: PersonalDataCipher, seesPersonalData: boolean): Promise<RecordedEvent> {
  if (seesPersonalData) return cipher.decryptEvent(customerId, event);
  const paths = eventCatalogue.personalDataPaths(event.type, event.schemaVersion);
  return paths.length === 0 ? event : { ...event, data: withoutPersonalLeaves(event.data, paths) };
}

/**
 * The 360° view keeps the profile in the shape of CustomerProfileUpdated v2 and each identity in the shape of
 * IdentityLinked v1, sealed as those events sealed them: opening them is opening those events' fields.
 */
export async function viewForCaller<View extends { profile?: JsonObject | null; identities?: JsonObject[] }>(
  view: View,
  customerId: string,
  cipher: PersonalDataCipher,
  seesPersonalData: boolean,
): Promise<View> {
  const open = (type: string, version: number, data: JsonObject) =>
    seesPersonalData
      ? cipher.decryptEvent(customerId, carrier(type, version, data)).then((event) => event.data)
      : Promise.resolve(withoutPersonalLeaves(data, eventCatalogue.personalDataPaths(type, version)));
  const profile = view.profile ? await open('CustomerProfileUpdated', 2, view.profile) : view.profile;
  const identities = view.identities ? await Promise.all(view.identities.map((identity) => open('IdentityLinked', 1, identity))) : view.identities;
  return { ...view, profile, identities };
}

function carrier(type: string, schemaVersion: number, data: JsonObject): RecordedEvent {
  return {
    eventId: '',
    type,
    schemaVersion,
    streamId: '',
    revision: 0,
    position: '',
    data,
    metadata: { correlationId: '', causationId: '', occurredAt: '', recordedAt: '', source: { service: '' }, actor: { kind: 'system', id: '' } },
  };
}
