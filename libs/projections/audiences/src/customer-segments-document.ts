import { Horizons, MembershipChange, Memberships } from '@cdp/segments';

/**
 * A customer's current memberships, and the next moment time alone may change one (null: never). `outbox` holds the
 * changes decided with these memberships and not yet published, recorded and applied to the member sets: written
 * in the same document, so a decision and its changes are durable together (a transactional outbox).
 */
export type CustomerSegmentsDocument = {
  customerId: string;
  segments: Memberships;
  /** The earliest of `horizons`: indexed, what the due checks look for. */
  nextCheckAt: string | null;
  /** Per active segment, when time alone may next change the answer (absent: never). */
  horizons?: Horizons;
  outbox?: MembershipChange[];
  /** The outbox's length, present while it is not empty: what a restart looks for. */
  unappliedChanges?: number;
};

export const noSegments = (customerId: string): CustomerSegmentsDocument => ({ customerId, segments: {}, nextCheckAt: null });

/** The document as decided, with its changes in the outbox (none: no outbox). */
export function withOutbox(document: CustomerSegmentsDocument, changes: readonly MembershipChange[]): CustomerSegmentsDocument {
  const { outbox: _outbox, unappliedChanges: _count, ...decided } = document;
  return changes.length === 0 ? decided : { ...decided, outbox: [...changes], unappliedChanges: changes.length };
}
