import { customer360Caps } from './customer-360-caps';
import { earlierOf } from './business-time';
import { compareText } from './bounded-list';
import { Customer360Document, LinkedIdentity } from './customer-360-document';
import { EventOf } from './customer-360-event';

/**
 * Once per kind + system + value (the earliest link time kept), at most `identitiesPerKind` per kind: the most
 * recently linked. Values stay sealed; two sealings of one identifier differ (random IV), so only a re-delivered
 * value is recognised as the same.
 */
export function foldIdentityLinked(doc: Customer360Document, event: EventOf<'IdentityLinked'>): Customer360Document {
  const { kind, value, system } = event.data;
  const at = event.occurredAt;
  const sealed = JSON.stringify(value);
  const same = (identity: LinkedIdentity) => identity.kind === kind && identity.system === system && JSON.stringify(identity.value) === sealed;
  const known = doc.identities.find(same);
  const identities = known
    ? doc.identities.map((identity) => (identity === known ? { ...identity, linkedAt: earlierOf(identity.linkedAt, at) } : identity))
    : [...doc.identities, { kind, value, ...(system === undefined ? {} : { system }), linkedAt: at }];
  return { ...doc, identities: capPerKind(identities) };
}

/** Oldest link first; within a kind beyond the cap, the oldest links go. */
function capPerKind(identities: LinkedIdentity[]): LinkedIdentity[] {
  const sorted = [...identities].sort((a, b) => compareText(a.linkedAt, b.linkedAt));
  const perKind = new Map<string, number>();
  const kept: LinkedIdentity[] = [];
  for (const identity of [...sorted].reverse()) {
    const count = perKind.get(identity.kind) ?? 0;
    if (count >= customer360Caps.identitiesPerKind) continue;
    perKind.set(identity.kind, count + 1);
    kept.push(identity);
  }
  return kept.reverse();
}
