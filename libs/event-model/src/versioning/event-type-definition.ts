/** A class-validator DTO: the schema of one version of an event's data. */
export type DataSchema = new () => object;

/** Turns the data of version `n` into the data of version `n + 1`. Pure; never fails on a valid `n`. */
export type Upcaster = (data: object) => object;

/**
 * One event type and every shape it has ever had. Versions are numbered from 1, without gaps;
 * the highest is the current one, and each older version has an upcaster to the next.
 */
export interface EventTypeDefinition {
  type: string;
  versions: Record<number, DataSchema>;
  upcasters: Record<number, Upcaster>;
}
