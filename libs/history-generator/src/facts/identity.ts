import { IdentifierKind, JsonObject } from '@cdp/event-model';
import { drawFrom, HistoryContext, weighted } from '../history-context';
import { personHash } from '../population';
import { emailDomainOf, emailLocalPart } from '../world/people';

/** The most identifiers one party links: keeps every (kind, value) of a party distinct with two digits. */
export const maxIdentities = 99;

const kinds = weighted<IdentifierKind>([
  ['email', 30],
  ['loyalty-card', 25],
  ['anonymous-web-id', 20],
  ['external-crm-id', 15],
  ['phone', 10],
]);
const crmSystems = ['salesforce', 'hubspot', 'dynamics'];

/**
 * A new identifier of the party. The value holds the party's number and the link's number, so it is
 * new to the party (the decider records nothing for a known one) and belongs to no other party.
 */
export function identityLinked(ctx: HistoryContext, party: number): JsonObject {
  const n = ctx.table.identities[party]++;
  const number = `${party + 1}`.padStart(7, '0');
  const link = `${n}`.padStart(2, '0');
  const kind = drawFrom(ctx.random, kinds);
  switch (kind) {
    case 'email': {
      const h = personHash(ctx.key, party);
      return { kind, value: `${emailLocalPart(h)}.${number}${link}@${emailDomainOf(h)}` };
    }
    case 'loyalty-card':
      return { kind, value: `6280 ${number} ${link}`, system: 'loyalty' };
    case 'anonymous-web-id':
      return { kind, value: `aw-${(party + 1).toString(36)}-${n.toString(36)}-${ctx.random.uint32().toString(36)}`, system: 'web-analytics' };
    case 'external-crm-id':
      return { kind, value: `CRM-${number}-${link}`, system: crmSystems[party % crmSystems.length] };
    case 'phone':
      return { kind, value: `+44 7${number}${link}` };
  }
}
