import type { Position as ClientPosition } from '@eventstore/db-client';
import { InvalidEventStoreArgumentError, Position } from '@cdp/event-store';

// 20 digits hold any unsigned 64-bit value, so zero-padding makes string order equal numeric order.
const digits = 20;
const maxUnsigned64 = 2n ** 64n - 1n;
const encodedPosition = /^(\d{20})\/(\d{20})$/;

/**
 * `${commit}/${prepare}`, each zero-padded to 20 digits: comparing the strings compares
 * (commit, prepare) lexicographically, which is how the server orders log positions.
 */
export function encodePosition(position: ClientPosition): Position {
  return `${pad(position.commit)}/${pad(position.prepare)}`;
}

export function decodePosition(position: Position): ClientPosition {
  const match = typeof position === 'string' ? encodedPosition.exec(position) : null;
  if (!match) {
    throw new InvalidEventStoreArgumentError(
      `"${String(position)}" is not an EventStoreDB position: pass back a position this store returned`,
    );
  }
  const commit = BigInt(match[1]);
  const prepare = BigInt(match[2]);
  if (commit > maxUnsigned64 || prepare > maxUnsigned64) {
    throw new InvalidEventStoreArgumentError(`"${position}" is out of range for an EventStoreDB position`);
  }
  return { commit, prepare };
}

function pad(value: bigint): string {
  if (value < 0n || value > maxUnsigned64) throw new RangeError(`log position ${value} is outside 0..2^64-1`);
  return value.toString(10).padStart(digits, '0');
}
