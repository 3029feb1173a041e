import { ReadDocument } from '@cdp/read-store';
import { BucketChange, MembershipChange } from '@cdp/segments';
import { AudienceProfile } from './audience-profile';
import { CustomerSegmentsDocument } from './customer-segments-document';

/** What is decided about one customer and not yet written. Later decisions replace earlier ones. */
export type PendingCustomer = {
  customerId: string;
  memberships?: CustomerSegmentsDocument;
  /** Decided with `memberships`, in decision order: they go to its outbox. */
  changes: MembershipChange[];
  profile?: ReadDocument<AudienceProfile>;
  /** The final state under each posting key. */
  postingChanges: Map<string, BucketChange>;
};

/**
 * Decisions waiting to be written, by customer: the evaluation of a new segment over every customer writes them in
 * large flushes, while a live batch writes its own customers at once. Reads of memberships go through here first,
 * so a live batch decides on what the evaluation has already decided, and writes it along.
 */
export class PendingWrites {
  private readonly customers = new Map<string, PendingCustomer>();

  get size(): number {
    return this.customers.size;
  }

  membershipsOf(customerId: string): CustomerSegmentsDocument | undefined {
    return this.customers.get(customerId)?.memberships;
  }

  recordMemberships(memberships: CustomerSegmentsDocument, changes: readonly MembershipChange[]): void {
    const pending = this.of(memberships.customerId);
    pending.memberships = memberships;
    pending.changes.push(...changes);
  }

  recordProfile(profile: ReadDocument<AudienceProfile>, postingChanges: ReadonlyMap<string, BucketChange>): void {
    const pending = this.of(profile.id);
    pending.profile = profile;
    for (const [key, change] of postingChanges) pending.postingChanges.set(key, change);
  }

  /** Removes and returns the decisions about these customers, or about all when none are named. */
  take(customerIds?: Iterable<string>): PendingCustomer[] {
    if (customerIds === undefined) {
      const all = [...this.customers.values()];
      this.customers.clear();
      return all;
    }
    const taken: PendingCustomer[] = [];
    for (const customerId of customerIds) {
      const pending = this.customers.get(customerId);
      if (!pending) continue;
      taken.push(pending);
      this.customers.delete(customerId);
    }
    return taken;
  }

  clear(): void {
    this.customers.clear();
  }

  private of(customerId: string): PendingCustomer {
    let pending = this.customers.get(customerId);
    if (!pending) this.customers.set(customerId, (pending = { customerId, changes: [], postingChanges: new Map() }));
    return pending;
  }
}
