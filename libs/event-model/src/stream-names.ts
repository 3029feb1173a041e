/** Every event about one aggregate lives in the stream `<category>-<id>`. */
export const streamCategories = ['customer', 'campaign', 'segment', 'identity'] as const;
export type StreamCategory = (typeof streamCategories)[number];

// Ids travel in URLs, Kafka keys and stream names: keep them to a safe, bounded alphabet.
export const aggregateIdPattern = /^[A-Za-z0-9][A-Za-z0-9._:@+-]{0,127}$/;

export class InvalidAggregateIdError extends Error {
  readonly code = 'invalid-aggregate-id';
  constructor(readonly id: string) {
    super(
      `"${id}" is not a valid id: use 1 to 128 characters from letters, digits and . _ : @ + -, starting with a letter or digit`,
    );
  }
}

export function isValidAggregateId(id: string): boolean {
  return aggregateIdPattern.test(id);
}

export function streamName(category: StreamCategory, id: string): string {
  if (!isValidAggregateId(id)) throw new InvalidAggregateIdError(id);
  return `${category}-${id}`;
}

export const customerStream = (customerId: string): string => streamName('customer', customerId);
export const campaignStream = (campaignId: string): string => streamName('campaign', campaignId);
export const segmentStream = (segmentId: string): string => streamName('segment', segmentId);
/** Who owns an identifier (an email, a loyalty card…): `identityKey` is a keyed hash, never the identifier itself. */
export const identityStream = (identityKey: string): string => streamName('identity', identityKey);

/** The category and id of a stream name, or undefined for streams outside the naming scheme. */
export function parseStreamName(stream: string): { category: StreamCategory; id: string } | undefined {
  const dash = stream.indexOf('-');
  if (dash < 0) return undefined;
  const category = stream.slice(0, dash) as StreamCategory;
  const id = stream.slice(dash + 1);
  return streamCategories.includes(category) && isValidAggregateId(id) ? { category, id } : undefined;
}
