import { DataSchema } from '../versioning/event-type-definition';

/** How a property of a DTO holds personal data: as a leaf value, or inside a nested DTO. */
export type PersonalMark = { kind: 'leaf' } | { kind: 'nested'; schema: () => DataSchema };

// Kept apart from class-validator's storage: only the personal-data walk and the JSON Schema export read it.
const marksByClass = new Map<object, Map<string, PersonalMark>>();

function mark(target: object, property: string | symbol, personalMark: PersonalMark): void {
  if (typeof property !== 'string') throw new Error('personal data is marked on string-named properties only');
  const owner = target.constructor;
  const marks = marksByClass.get(owner) ?? new Map<string, PersonalMark>();
  marks.set(property, personalMark);
  marksByClass.set(owner, marks);
}

/**
 * The property identifies or describes a person: it is encrypted at rest with the subject's key
 * and reads as the erased marker once that key is erased (crypto-shredding).
 */
export function PersonalData(): PropertyDecorator {
  return (target, property) => mark(target, property, { kind: 'leaf' });
}

/** The property is a nested DTO with personal fields of its own (marked in that DTO). */
export function ContainsPersonalData(schema: () => DataSchema): PropertyDecorator {
  return (target, property) => mark(target, property, { kind: 'nested', schema });
}

/** The personal marks of a DTO, its parents' included (a subclass may add or override marks). */
export function personalMarks(schema: DataSchema): ReadonlyMap<string, PersonalMark> {
  const chain: object[] = [];
  for (let owner: object | null = schema; owner && owner !== Function.prototype; owner = Object.getPrototypeOf(owner)) {
    chain.unshift(owner);
  }
  return new Map(chain.flatMap((owner) => [...(marksByClass.get(owner) ?? new Map<string, PersonalMark>())]));
}

/** Paths of the personal leaf fields of a DTO, e.g. [['name'], ['address', 'city']]. */
export function personalPaths(schema: DataSchema, seen: readonly DataSchema[] = []): string[][] {
  if (seen.includes(schema)) throw new Error(`${schema.name} contains itself: personal data paths would never end`);
  return [...personalMarks(schema)].flatMap(([property, personalMark]) =>
    personalMark.kind === 'leaf'
      ? [[property]]
      : personalPaths(personalMark.schema(), [...seen, schema]).map((path) => [property, ...path]),
  );
}
