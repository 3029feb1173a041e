import type { StreamMetadata as ClientStreamMetadata } from '@eventstore/db-client';
import { InvalidEventStoreArgumentError, StreamMetadata } from '@cdp/event-store';
import { nonNegativeInteger } from './argument-checks';

const modelledKeys = ['truncateBefore', 'maxAge', 'maxCount'] as const;

// A soft delete leaves truncateBefore = 2^63-1, which JSON parsing rounds to 2^63. No real stream
// reaches 2^53 events, so anything that large is the deletion marker, not a setting.
const deletedStreamMarker = 2 ** 53;

/**
 * EventStoreDB settings the port does not model: access control, cache control, and any `$` key.
 * The client writes `acl` and `cacheControl` as `$acl`/`$cacheControl`, which the server obeys.
 */
function isServerSetting(key: string): boolean {
  return key === 'acl' || key === 'cacheControl' || key.startsWith('$');
}

/** The port's metadata as the client writes it. Custom keys the server would take as settings are refused. */
export function toClientStreamMetadata(metadata: StreamMetadata): ClientStreamMetadata {
  const custom = metadata.custom ?? {};
  for (const key of Object.keys(custom)) {
    if ((modelledKeys as readonly string[]).includes(key) || isServerSetting(key)) {
      throw new InvalidEventStoreArgumentError(
        `custom metadata key "${key}" is reserved by EventStoreDB (a stream setting there): choose another name`,
      );
    }
  }
  const result: ClientStreamMetadata = { ...custom };
  for (const key of modelledKeys) {
    const value = metadata[key];
    if (value !== undefined) result[key] = nonNegativeInteger(value, key);
  }
  return result;
}

/**
 * The client's metadata as the port shows it: the modelled fields and the application's custom
 * keys. Server settings stay out (see serverSettingsOf), and so does a soft delete's marker: the
 * embedded store shows a soft-deleted stream's metadata as empty.
 */
export function fromClientStreamMetadata(metadata: ClientStreamMetadata | undefined): StreamMetadata {
  if (!metadata) return {};
  const { truncateBefore, maxAge, maxCount, ...rest } = metadata;
  const result: StreamMetadata = {};
  if (typeof truncateBefore === 'number' && truncateBefore < deletedStreamMarker) result.truncateBefore = truncateBefore;
  if (typeof maxAge === 'number') result.maxAge = maxAge;
  if (typeof maxCount === 'number') result.maxCount = maxCount;
  const custom = Object.fromEntries(Object.entries(rest).filter(([key]) => !isServerSetting(key)));
  if (Object.keys(custom).length > 0) result.custom = custom;
  return result;
}

/**
 * The server settings in a stream's current metadata. A write of metadata replaces all of it, so
 * these are carried into the next write: setting the port's fields never drops an ACL set by an operator.
 */
export function serverSettingsOf(metadata: ClientStreamMetadata | undefined): ClientStreamMetadata {
  if (!metadata) return {};
  return Object.fromEntries(Object.entries(metadata).filter(([key]) => isServerSetting(key)));
}
