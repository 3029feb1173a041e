import { v5 as uuidV5 } from 'uuid';

/** Where a message sits in Kafka: the same coordinates on every redelivery. */
export interface MessageCoordinates {
  topic: string;
  partition: number;
  offset: string;
}

// Fixed forever: changing it would give every redelivered message a new id, and so a duplicate event.
const kafkaMessageNamespace = 'f9ebcfc9-4465-43d8-af12-4a97394ca529';

/**
 * The id of the event a message becomes, derived from its coordinates (UUID v5), so appending a
 * redelivered message is an idempotent retry. A producer's own retry writes a second message at a
 * new offset: that duplicate is not caught here.
 */
export function eventIdForMessage({ topic, partition, offset }: MessageCoordinates): string {
  // Topic names cannot contain "/", so the name is unambiguous.
  return uuidV5(`${topic}/${partition}/${offset}`, kafkaMessageNamespace);
}
