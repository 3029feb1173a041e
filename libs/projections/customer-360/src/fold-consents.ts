import { laterOf } from './business-time';
import { ConsentState, Customer360Document } from './customer-360-document';
import { EventOf } from './customer-360-event';

const never: ConsentState = { granted: false, grantedAt: null, withdrawnAt: null, source: null };

/**
 * Per channel and purpose, the latest event by business time decides `granted` (equal times: the later in the
 * log). grantedAt and withdrawnAt are the latest grant and withdrawal; source is the latest grant's.
 */
export function foldConsent(doc: Customer360Document, event: EventOf<'ConsentGranted'> | EventOf<'ConsentWithdrawn'>): Customer360Document {
  const { channel, purpose } = event.data;
  const current = doc.consents[channel]?.[purpose] ?? never;
  const next = event.type === 'ConsentGranted' ? grant(current, event.occurredAt, event.data.source) : withdraw(current, event.occurredAt);
  return { ...doc, consents: { ...doc.consents, [channel]: { ...doc.consents[channel], [purpose]: next } } };
}

function grant(state: ConsentState, at: string, source: string | undefined): ConsentState {
  const latestGrant = state.grantedAt === null || at >= state.grantedAt;
  const grantedAt = laterOf(state.grantedAt, at);
  return {
    granted: decide(grantedAt, state.withdrawnAt, at, true, state.granted),
    grantedAt,
    withdrawnAt: state.withdrawnAt,
    source: latestGrant ? (source ?? null) : state.source,
  };
}

function withdraw(state: ConsentState, at: string): ConsentState {
  const withdrawnAt = laterOf(state.withdrawnAt, at);
  return { ...state, withdrawnAt, granted: decide(withdrawnAt, state.grantedAt, at, false, state.granted) };
}

/**
 * `mine` is the latest time of the kind of event just folded, `theirs` of the other kind. The later wins;
 * on a tie, this event wins if it is the one at that time (it is later in the log), else the state stays.
 */
function decide(mine: string, theirs: string | null, at: string, mineMeans: boolean, current: boolean): boolean {
  if (theirs === null || mine > theirs) return mineMeans;
  if (mine < theirs) return !mineMeans;
  return at === mine ? mineMeans : current;
}
