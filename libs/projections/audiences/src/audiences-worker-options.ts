import { EventStore } from '@cdp/event-store';
import { BackoffOptions, Clock, EngineErrorListener } from '@cdp/projection-engine';
import { CollectionDefinition, ReadStore } from '@cdp/read-store';
import { SegmentRules } from '@cdp/segments';
import { MembershipChangeSink } from './membership-change-sink';
import { PersonalFieldsOpener } from './personal-fields-opener';

export interface AudiencesWorkerOptions {
  eventStore: EventStore;
  readStore: ReadStore;
  /** The 360° view's collection: the facts segments read are copied from it. */
  customer360Collection: CollectionDefinition;
  /** The projection that writes it, whose checkpoint the worker waits for. Default `customer-360`. */
  customer360Projection?: string;
  /** "Now" for every evaluation: windows, birthdays, lifecycle dates. Injected so tests control time. */
  clock?: Clock;
  segmentRules?: SegmentRules;
  /** Where membership changes are published (Kafka); none: recorded only. */
  sink?: MembershipChangeSink;
  /** Opens personal fields for segments on age, gender or occupation. Default: plain strings only. */
  openPersonalFields?: PersonalFieldsOpener;
  /** Events per batch at most. Default 1,000. */
  maxBatchEvents?: number;
  /** A partial batch is written this long after its first event at the latest (default 100 ms), or after this long without a new one (5 ms). */
  maxBatchAgeMs?: number;
  maxBatchDelayMs?: number;
  /** How often due customers (a window closing, a birthday…) are looked for. Default 1,000 ms. */
  dueCheckIntervalMs?: number;
  /** Customers re-evaluated per pass: due ones, or customers of a segment being evaluated. Default 500. */
  customersPerPass?: number;
  /** A segment's evaluation over every customer writes its decisions once this many are pending. Default 20,000. */
  evaluationFlushCustomers?: number;
  retry?: Partial<BackoffOptions>;
  onError?: EngineErrorListener;
}
