import { MembershipChange } from '@cdp/segments';

/**
 * Where membership changes go for downstream tools (e-mailing, ads): a Kafka topic in the platform. Called before
 * the changes are recorded, so a crash in between sends them again, with the same change ids: at least once.
 */
export interface MembershipChangeSink {
  publish(changes: readonly MembershipChange[]): Promise<void>;
}
