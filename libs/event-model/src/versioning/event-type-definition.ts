/** A class-validator DTO: the schema of one version of an event's data. */
export type DataSchema = new () => object;

/** Turns the data of version `n` into the data of version `n + 1`. Pure; never fails on a valid `n`. */
export type Upcaster = (data: object) => object;

/** Who may write an event type: producers (through ingestion or the API), or only the platform itself. */
export type EventOrigin = 'producer' | 'platform';

/**
 * One event type and every shape it has ever had. Versions are numbered from 1, without gaps;
 * the highest is the current one, and each older version has an upcaster to the next.
 */
export interface EventTypeDefinition {
  type: string;
  origin: EventOrigin;
  /** What the fact means, in one or two sentences: the JSON Schema's description. */
  description: string;
  versions: Record<number, DataSchema>;
  upcasters: Record<number, Upcaster>;
  /** A valid `data` of the current version: documents the type and is checked by the tests. */
  example: object;
}
