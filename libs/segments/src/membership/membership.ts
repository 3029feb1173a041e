/** A customer's membership of one segment: since when, and under which version of the definition. */
export type Membership = { since: string; version: number };

/** A customer's current memberships, by segment id. */
export type Memberships = { [segmentId: string]: Membership };

/** What made a membership change: an event of the customer, the passing of time, or a (re)definition of the segment. */
export type ChangeCause =
  | { kind: 'event'; position: string; eventId: string }
  | { kind: 'time'; dueAt: string }
  | { kind: 'definition'; version: number };

/**
 * A customer entered or left a segment. `changeId` is derived from what caused it, so that a change recorded again
 * (a replay after a crash) carries the same id: downstream tools drop what they have already seen.
 */
export type MembershipChange = {
  changeId: string;
  segmentId: string;
  segmentVersion: number;
  customerId: string;
  change: 'entered' | 'left';
  at: string;
  cause: ChangeCause;
};
