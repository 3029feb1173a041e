import { Json, JsonObject } from '@cdp/event-model';

/** The personal leaf fields of an event type at one schema version (see the event catalogue). */
export type PersonalDataPaths = (type: string, schemaVersion: number) => readonly (readonly string[])[];

export interface PersonalLeaf {
  /** `address.city`: part of the AAD, and how errors name the field. */
  dotted: string;
  /** `|<type>|<dotted path>`: the AAD is the subject followed by this. */
  aadSuffix: string;
}

/** The paths of one type as a tree, so an event is walked once and only the objects on a path are copied. */
export interface PathTree {
  leaves: ReadonlyMap<string, PersonalLeaf>;
  children: ReadonlyMap<string, PathTree>;
}

export function compilePaths(type: string, paths: readonly (readonly string[])[]): PathTree | undefined {
  if (paths.length === 0) return undefined;
  const root = { leaves: new Map<string, PersonalLeaf>(), children: new Map<string, PathTree>() };
  for (const path of paths) {
    if (path.length === 0) continue;
    let node = root;
    for (const segment of path.slice(0, -1)) {
      let child = node.children.get(segment) as typeof root | undefined;
      if (!child) {
        child = { leaves: new Map(), children: new Map() };
        node.children.set(segment, child);
      }
      node = child;
    }
    const dotted = path.join('.');
    node.leaves.set(path[path.length - 1], { dotted, aadSuffix: `|${type}|${dotted}` });
  }
  return root;
}

/** Compiles each (type, version) once: the hot path must not rebuild strings per event. */
export class PathTrees {
  private readonly byType = new Map<string, Map<number, PathTree | undefined>>();

  constructor(private readonly personalDataPaths: PersonalDataPaths) {}

  of(type: string, schemaVersion: number): PathTree | undefined {
    let versions = this.byType.get(type);
    if (!versions) {
      versions = new Map();
      this.byType.set(type, versions);
    }
    if (versions.has(schemaVersion)) return versions.get(schemaVersion);
    const tree = compilePaths(type, this.personalDataPaths(type, schemaVersion));
    versions.set(schemaVersion, tree);
    return tree;
  }
}

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Calls `visit` on each personal leaf present in `data` (not undefined), until it returns true. */
export function someLeaf(data: JsonObject, tree: PathTree, visit: (value: Json, leaf: PersonalLeaf) => boolean): boolean {
  for (const [name, leaf] of tree.leaves) {
    const value = data[name];
    if (value !== undefined && visit(value, leaf)) return true;
  }
  for (const [name, child] of tree.children) {
    const value = data[name];
    if (isObject(value) && someLeaf(value, child, visit)) return true;
  }
  return false;
}

/**
 * `data` with each personal leaf replaced by `replace(value, leaf)`. Objects off the paths are shared,
 * not copied; when nothing changes, `data` itself comes back.
 */
export function mapLeaves(data: JsonObject, tree: PathTree, replace: (value: Json, leaf: PersonalLeaf) => Json): JsonObject {
  let copy: JsonObject | undefined;
  for (const [name, leaf] of tree.leaves) {
    const value = data[name];
    if (value === undefined) continue;
    const replaced = replace(value, leaf);
    if (replaced === value) continue;
    copy ??= { ...data };
    copy[name] = replaced;
  }
  for (const [name, child] of tree.children) {
    const value = data[name];
    if (!isObject(value)) continue;
    const replaced = mapLeaves(value, child, replace);
    if (replaced === value) continue;
    copy ??= { ...data };
    copy[name] = replaced;
  }
  return copy ?? data;
}
