import { Memberships } from '@cdp/segments';

/** A customer's current memberships, and the next moment time alone may change one (null: never). */
export type CustomerSegmentsDocument = {
  customerId: string;
  segments: Memberships;
  nextCheckAt: string | null;
};

export const noSegments = (customerId: string): CustomerSegmentsDocument => ({ customerId, segments: {}, nextCheckAt: null });
