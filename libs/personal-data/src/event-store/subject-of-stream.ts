import { parseStreamName } from '@cdp/event-model';

/** Whose personal data a stream holds, or undefined when it holds none. */
export type SubjectOfStream = (streamId: string) => string | undefined;

/** The customer of a `customer-<id>` stream; other streams hold no personal data. */
export const customerOfStream: SubjectOfStream = (streamId) => {
  const parsed = parseStreamName(streamId);
  return parsed?.category === 'customer' ? parsed.id : undefined;
};
