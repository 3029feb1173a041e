import type { StreamMetadata as ClientStreamMetadata } from '@eventstore/db-client';
import { InvalidEventStoreArgumentError, StreamMetadata } from '@cdp/event-store';
import { nonNegativeInteger } from './argument-checks';

const systemKeys = ['truncateBefore', 'maxAge', 'maxCount'] as const;

/**
 * The port's metadata as the client writes it. Custom keys pass through unchanged, so the client's
 * own `acl` and `cacheControl` keys (which the port does not model) survive a get-then-set.
 */
export function toClientStreamMetadata(metadata: StreamMetadata): ClientStreamMetadata {
  const custom = metadata.custom ?? {};
  for (const key of Object.keys(custom)) {
    if ((systemKeys as readonly string[]).includes(key) || key.startsWith('$')) {
      throw new InvalidEventStoreArgumentError(`custom metadata key "${key}" is reserved by EventStoreDB`);
    }
  }
  const result: ClientStreamMetadata = { ...custom };
  for (const key of systemKeys) {
    const value = metadata[key];
    if (value !== undefined) result[key] = nonNegativeInteger(value, key);
  }
  return result;
}

/**
 * The client's metadata as the port shows it. After a soft delete EventStoreDB keeps
 * `truncateBefore` = 2^63-1, which JSON parsing rounds to 9223372036854775808: it is passed on as is.
 */
export function fromClientStreamMetadata(metadata: ClientStreamMetadata | undefined): StreamMetadata {
  if (!metadata) return {};
  const { truncateBefore, maxAge, maxCount, ...custom } = metadata;
  const result: StreamMetadata = {};
  if (typeof truncateBefore === 'number') result.truncateBefore = truncateBefore;
  if (typeof maxAge === 'number') result.maxAge = maxAge;
  if (typeof maxCount === 'number') result.maxCount = maxCount;
  if (Object.keys(custom).length > 0) result.custom = custom;
  return result;
}
