import {
  CollectionDefinition,
  Condition,
  FieldPath,
  InvalidReadQueryError,
  isFieldPath,
  maxPageSize,
  Scalar,
  SortOrder,
} from '@cdp/read-store';

// The checks every query goes through before it reaches SQL. The MongoDB adapter holds the same
// rules (libs/read-store/mongodb/src/read-query-rules.ts); the shared contract suite keeps them equal.

const collectionName = /^[a-z][a-z0-9_]*$/;
const indexName = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Collections of the store itself (and SQLite's own, so that both adapters accept the same names). */
const reservedCollectionNames = new Set(['projection_checkpoints', 'read_store_collections']);

export function checkFieldPath(path: FieldPath): FieldPath {
  if (typeof path !== 'string' || !isFieldPath(path)) {
    throw new InvalidReadQueryError(`invalid field path ${JSON.stringify(path)}: use dotted identifiers such as revenue.GBP`);
  }
  return path;
}

export function isScalar(value: unknown): value is Scalar {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

export function checkCondition(condition: Condition): Condition {
  checkFieldPath(condition.field);
  const valid = (() => {
    switch (condition.op) {
      case 'eq':
      case 'ne':
        return isScalar(condition.value);
      case 'in':
        return Array.isArray(condition.values) && condition.values.every(isScalar);
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte':
        return typeof condition.value === 'string' || (typeof condition.value === 'number' && Number.isFinite(condition.value));
      case 'exists':
        return typeof condition.value === 'boolean';
      default:
        return false;
    }
  })();
  if (!valid) throw new InvalidReadQueryError(`invalid condition on ${condition.field}: ${JSON.stringify(condition)}`);
  return condition;
}

export function checkConditions(where: readonly Condition[] = []): readonly Condition[] {
  if (!Array.isArray(where)) throw new InvalidReadQueryError('where must be a list of conditions');
  return where.map(checkCondition);
}

export function checkSort(sort: SortOrder | undefined): SortOrder | undefined {
  if (sort === undefined) return undefined;
  checkFieldPath(sort.field);
  if (sort.direction !== 'asc' && sort.direction !== 'desc') {
    throw new InvalidReadQueryError(`invalid sort direction ${JSON.stringify(sort.direction)}: use asc or desc`);
  }
  return sort;
}

export function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > maxPageSize) {
    throw new InvalidReadQueryError(`invalid limit ${limit}: a page holds 1 to ${maxPageSize} documents`);
  }
  return limit;
}

export function checkCollectionName(name: string): string {
  if (typeof name !== 'string' || !collectionName.test(name) || reservedCollectionNames.has(name) || name.startsWith('sqlite_')) {
    throw new InvalidReadQueryError(
      `invalid collection name ${JSON.stringify(name)}: lower case letters, digits and _, starting with a letter, not a store table`,
    );
  }
  return name;
}

export function checkIndexName(name: string): string {
  if (typeof name !== 'string' || !indexName.test(name)) {
    throw new InvalidReadQueryError(`invalid index name ${JSON.stringify(name)}: letters, digits and _, not starting with a digit`);
  }
  return name;
}

export function checkCollectionDefinition(definition: CollectionDefinition): CollectionDefinition {
  checkCollectionName(definition.name);
  const seen = new Set<string>();
  for (const index of definition.indexes) {
    checkIndexName(index.name);
    if (seen.has(index.name.toLowerCase())) throw new InvalidReadQueryError(`index ${index.name} of ${definition.name} is defined twice`);
    seen.add(index.name.toLowerCase());
    if (index.fields.length === 0) throw new InvalidReadQueryError(`index ${index.name} of ${definition.name} has no field`);
    index.fields.forEach(checkSort);
  }
  return definition;
}
