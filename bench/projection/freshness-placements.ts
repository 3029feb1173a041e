import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { writeDocsSection } from '../docs-section';
import { describeMachine } from '../event-store/machine';
import { sourceRevision } from '../source-revision';
import { phase } from '../event-store/progress';
import { Cleanup } from '../ingestion/cleanup';
import { int } from '../ingestion/format';
import { stopAllPlatforms } from '../ingestion/platform-process';
import { ensureHistoryStore } from './history-store';
import { peakMiB } from './memory-watch';
import { PlatformPhase, platformPhaseSettings, runPlatformPhase } from './platform-phase';
import { readProjectionBenchConfig } from './projection-bench-config';
import { runStoreJob, stopAllJobs } from './store-job';
import { embeddedStore } from './store-sides';

/**
 * Freshness by where the platform runs its projection worker (`npm run bench:freshness`): the same history, the same
 * rebuilt read model (a copy each), the same 360° reads and background load, once with PROJECTIONS=in-process and once
 * with PROJECTIONS=thread, one after the other in one run. BENCH_EVENTS and the other variables of bench:project apply.
 */
const repoRoot = join(__dirname, '..', '..');
const docsFile = join(repoRoot, 'docs', 'benchmarks.md');
const allPlacements = ['in-process', 'thread'] as const;
type Placement = (typeof allPlacements)[number];
/** BENCH_PLACEMENTS (e.g. `thread`) runs some of them only, for a quicker look at one. */
function placementsToRun(env: NodeJS.ProcessEnv = process.env): Placement[] {
  const asked = (env.BENCH_PLACEMENTS ?? allPlacements.join(',')).split(',').map((name) => name.trim());
  const unknown = asked.filter((name) => !(allPlacements as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`BENCH_PLACEMENTS: unknown ${unknown.join(', ')} (known: ${allPlacements.join(', ')})`);
  return allPlacements.filter((placement) => asked.includes(placement));
}
const command = 'npm run build --silent && node --conditions=@cdp/source -r ./bench/register.js bench/projection/freshness-placements.ts';

async function main(): Promise<void> {
  const config = readProjectionBenchConfig();
  const placements = placementsToRun();
  const started = performance.now();
  const startedAt = new Date();
  const loadAtStart = loadavg();
  const cleanup = new Cleanup();
  const root = mkdtempSync(join(tmpdir(), 'cdp-bench-freshness-'));
  cleanup.add(`remove ${root}`, () => rmSync(root, { recursive: true, force: true }));
  cleanup.add('stop the platform and the jobs', () => (stopAllPlatforms(), stopAllJobs()));
  try {
    const h = config.history;
    phase(`History: ${int(h.events)} events over ${int(h.customers)} parties in ${h.dataDir}`);
    const history = await ensureHistoryStore(h, (p) => process.stderr.write(`  loading: ${int(p.events)} / ${int(p.total)} events\n`));

    phase('The read model: both projections rebuilt to the head of the history (untimed here)');
    const base = embeddedStore(root, 'base');
    for (const projection of ['customer360', 'salesByMonth'] as const) {
      const run = await runStoreJob({ kind: 'rebuild', projection, historyDir: h.dataDir, upTo: history.headPosition, store: base });
      process.stderr.write(`  ${projection}: ${int(run.events)} events in ${run.seconds.toFixed(1)} s\n`);
    }

    const runs: { placement: Placement; phase: PlatformPhase }[] = [];
    for (const placement of placements) {
      phase(`The platform with PROJECTIONS=${placement}: 360° reads, then freshness under load`);
      const workDir = join(root, placement);
      const readStoreFile = join(workDir, 'read-models', 'read-models.sqlite');
      mkdirSync(dirname(readStoreFile), { recursive: true });
      // A copy each: a platform appends its load to the read model, which the other must not start from.
      cpSync(dirname(base.file), dirname(readStoreFile), { recursive: true });
      const result = await runPlatformPhase({
        historyDir: h.dataDir,
        readStoreFile,
        workDir,
        ...platformPhaseSettings(config),
        platformEnv: { PROJECTIONS: placement },
      });
      runs.push({ placement, phase: result });
      const f = result.freshness;
      process.stderr.write(`  freshness p50 ${f.fromPost.p50.toFixed(1)} ms, p99 ${f.fromPost.p99.toFixed(1)} ms; load ${int(f.load.recorded / f.load.seconds)} events/s\n`);
      rmSync(workDir, { recursive: true, force: true });
    }

    const report = render({
      startedAt,
      seconds: (performance.now() - started) / 1000,
      ...sourceRevision(),
      machine: describeMachine(root),
      loads: [loadAtStart, loadavg()],
      overrides: [...config.overrides, ...(process.env.BENCH_PLACEMENTS ? [`BENCH_PLACEMENTS=${process.env.BENCH_PLACEMENTS}`] : [])],
      events: h.events,
      customers: h.customers,
      loadPerSecond: config.loadPerSecond,
      runs,
    });
    process.stdout.write(`\n${report}\n`);
    if (config.writeDocs) {
      writeDocsSection(docsFile, { name: 'freshness', after: ['project'] }, report);
      process.stderr.write(`\nwritten to ${docsFile}\n`);
    } else {
      process.stderr.write(`\nnot written to ${docsFile} (BENCH_WRITE_DOCS=1 writes it)\n`);
    }
  } finally {
    await cleanup.run();
  }
}

interface Report {
  startedAt: Date;
  seconds: number;
  commit: string;
  dirty: boolean;
  machine: ReturnType<typeof describeMachine>;
  loads: number[][];
  overrides: string[];
  events: number;
  customers: number;
  loadPerSecond: number;
  runs: { placement: string; phase: PlatformPhase }[];
}

function render(r: Report): string {
  const ms = (value: number) => value.toFixed(1);
  const mb = (phase: PlatformPhase) => int(peakMiB(phase.memory) * 1.048576);
  const rows = r.runs.map(({ placement, phase: p }) => {
    const f = p.freshness;
    const stopped = f.failure ? ` (stopped ${f.failure})` : '';
    return (
      `| \`${placement}\` | ${int(f.load.recorded / f.load.seconds)} | ${int(f.fromPost.count)}${stopped} | ${ms(f.fromPost.p50)} | ${ms(f.fromPost.p95)} | ${ms(f.fromPost.p99)} | ` +
      `${ms(f.fromAck.p99)} | ${ms(p.reads.http.p99)} | ${mb(p)} | ${p.exit.code ?? p.exit.signal} |`
    );
  });
  const p99Of = (placement: Placement) => r.runs.find((run) => run.placement === placement)?.phase.freshness.fromPost.p99;
  const [inProcess, thread] = [p99Of('in-process'), p99Of('thread')];
  const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(' / ');
  return [
    '## Freshness by where the projection worker runs',
    '',
    `Run on ${r.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, on commit ${r.commit}${r.dirty ? ' with uncommitted changes in apps/ or libs/' : ''}; the whole run took ${Math.round(r.seconds)} s.`,
    '',
    `**Command:** \`npm run bench:freshness\`, that is \`${command}\`${r.overrides.length ? `, with ${r.overrides.map((o) => `\`${o}\``).join(' ')}` : ''}.`,
    '',
    `**Machine:** ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGiB.toFixed(1)} GiB memory; ${r.machine.os}; load average ${load(r.loads[0])} at the start, ${load(r.loads[1])} at the end.`,
    '',
    `The history of bench:project (${int(r.events)} events over ${int(r.customers)} customers) and its read model rebuilt once, a copy for each run.`,
    'The platform was started with each value of `PROJECTIONS`, one after the other, and measured as in bench:project: 360° reads, then',
    `${int(r.loadPerSecond)} InteractionRecorded events/s offered through POST /v1/events while a probe every 50 ms times its own event until GET /v1/customers/{id} shows it.`,
    '',
    '| `PROJECTIONS` | Load recorded (events/s) | Probes | Visible after POST p50 (ms) | p95 | p99 | After the answer p99 (ms) | Idle 360° GET p99 (ms) | Platform RSS peak (MB) | Exit |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows,
    '',
    inProcess !== undefined && thread !== undefined
      ? `Freshness p99, \`in-process\` ÷ \`thread\`: **${(inProcess / thread).toFixed(1)}×**. The target is a p99 under 200 ms at 1,000 events/s with 1,000,000 customers.`
      : '',
  ].join('\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
