import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CallFrame, categoryOf, gc, idle, InclusiveRowId, inclusiveRows } from './profile-categories';

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

/** The .cpuprofile format node --cpu-prof writes. Times in µs, on the clock of process.hrtime. */
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface Share {
  label: string;
  ms: number;
  /** Of all the time in the window. */
  share: number;
  /** Of the time the main thread was not idle. */
  busyShare: number;
}

export interface TopFunction extends Share {
  location: string;
  category: string;
}

export interface ProfileSummary {
  file: string;
  windowSeconds: number;
  samples: number;
  meanIntervalMs: number;
  /** False when the window could not be placed on the profile's clock; then the whole profile is summarised. */
  windowed: boolean;
  categories: Share[];
  top: TopFunction[];
  inclusive: (Share & { id: InclusiveRowId })[];
  idleShare: number;
  gcShare: number;
}

/** The one profile a run of the platform left in `dir`. */
export function profileIn(dir: string): string {
  const files = readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'));
  if (files.length !== 1) throw new Error(`expected one .cpuprofile in ${dir}, found ${files.length}`);
  return join(dir, files[0]);
}

/**
 * Self time by function and by category, and inclusive time of a few functions, over the samples taken
 * in `windowUs` (hrtime µs; the whole profile if the window misses it). Each sample weighs the time to the next.
 */
export function summariseProfile(file: string, windowUs: [number, number], topCount = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const stacks = new Map<number, CallFrame[]>();
  const stackOf = (id: number): CallFrame[] => {
    let stack = stacks.get(id);
    if (!stack) {
      stack = [];
      for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) stack.push((byId.get(at) as ProfileNode).callFrame);
      stacks.set(id, stack);
    }
    return stack;
  };

  const times: number[] = [];
  let t = profile.startTime;
  for (const delta of profile.timeDeltas) times.push((t += delta));
  const windowed = windowUs[0] >= profile.startTime && windowUs[1] <= profile.endTime && windowUs[1] > windowUs[0];
  const [from, to] = windowed ? windowUs : [profile.startTime, profile.endTime];

  const selfByFunction = new Map<string, { frame: CallFrame; ms: number; category: string }>();
  const byCategory = new Map<string, number>();
  const inclusive = inclusiveRows.map(() => 0);
  let total = 0;
  let samples = 0;
  for (let k = 0; k < profile.samples.length; k++) {
    if (times[k] < from || times[k] > to) continue;
    const ms = ((k + 1 < times.length ? times[k + 1] : profile.endTime) - times[k]) / 1000;
    const stack = stackOf(profile.samples[k]);
    const category = categoryOf(stack);
    const leaf = stack[0];
    const key = `${leaf.functionName}|${leaf.url}|${leaf.lineNumber}`;
    const entry = selfByFunction.get(key) ?? { frame: leaf, ms: 0, category };
    entry.ms += ms;
    selfByFunction.set(key, entry);
    byCategory.set(category, (byCategory.get(category) ?? 0) + ms);
    inclusiveRows.forEach((row, r) => {
      if (row.matches(stack)) inclusive[r] += ms;
    });
    total += ms;
    samples++;
  }

  const idleMs = byCategory.get(idle) ?? 0;
  const busy = total - idleMs;
  const share = (label: string, ms: number): Share => ({ label, ms, share: ms / total, busyShare: label === idle ? 0 : ms / busy });
  return {
    file,
    windowSeconds: (to - from) / 1e6,
    samples,
    meanIntervalMs: total / Math.max(1, samples),
    windowed,
    categories: [...byCategory].map(([label, ms]) => share(label, ms)).sort((a, b) => b.ms - a.ms),
    top: [...selfByFunction.values()]
      .filter(({ frame }) => frame.url !== '' || !frame.functionName.startsWith('('))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, topCount)
      .map(({ frame, ms, category }) => ({ ...share(frame.functionName || '(anonymous)', ms), location: locationOf(frame), category })),
    inclusive: inclusiveRows.map((row, r) => ({ ...share(row.label, inclusive[r]), id: row.id })),
    idleShare: idleMs / total,
    gcShare: (byCategory.get(gc) ?? 0) / total,
  };
}

/** A short place for a frame: the package and file, or the workspace path, with the line. */
function locationOf({ url, lineNumber }: CallFrame): string {
  if (url === '') return 'native';
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('/node_modules/');
  const short = modules >= 0 ? path.slice(modules + '/node_modules/'.length) : path.replace(/^.*?\/(apps|libs)\//, '$1/');
  return `${short}:${lineNumber + 1}`;
}
