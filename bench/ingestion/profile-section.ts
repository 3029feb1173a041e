import { ProfileSummary } from './cpu-profile-summary';
import { EndToEndRun } from './end-to-end';
import { int, seconds, share } from './format';
import { crossing } from './ingest-watch';

/** The profile's tables: categories, a few functions' inclusive time, the top functions by self time. */
export function profileSection(run: EndToEndRun, p: ProfileSummary): string[] {
  const rate = run.stored / run.seconds;
  const steady = (0.8 * run.stored) / (crossing(run.samples, run.messages, 0.9) - crossing(run.samples, run.messages, 0.1));
  return [
    '### Where the time goes',
    '',
    `A second end-to-end run, on a topic of its own holding the first ${int(run.messages)} messages of the backlog (new group, new data folder), with`,
    `\`node --cpu-prof\`: ${int(rate)} events/s under the profiler (steady state ${int(steady)}), the store ${run.storeMatches ? 'checked as above' : '**not as expected**'}.`,
    `Summarised by \`bench/ingestion/cpu-profile-summary.ts\` over the ${p.windowed ? 'samples from "listening" to all committed' : 'whole profile (the window could not be placed)'}:`,
    `${int(p.samples)} samples over ${seconds(p.windowSeconds)} s of the main thread (one every ${p.meanIntervalMs.toFixed(2)} ms), each weighing the time to the next.`,
    'A sample counts for the first frame from the top of its stack that belongs to a category; native frames count for the code that called them',
    '(JSON.parse for `parseIngestionBytes`, better-sqlite3\'s statements and the COMMIT\'s fsync for the event store), and so do Node\'s own',
    'modules (node:crypto for uuid and the cipher). better-sqlite3 is synchronous: its disk waits are main-thread time, not idle.',
    '',
    '| Category | Self time (ms) | Of all | Of busy (not idle) |',
    '| --- | ---: | ---: | ---: |',
    ...p.categories.map((c) => `| ${c.label} | ${int(c.ms)} | ${share(c.share)} | ${c.busyShare === 0 ? '' : share(c.busyShare)} |`),
    '',
    'Inclusive time of a few functions (a sample counts once for a row when the function is anywhere on its stack):',
    '',
    '| Function | Time (ms) | Of all | Of busy |',
    '| --- | ---: | ---: | ---: |',
    ...p.inclusive.map((row) => `| ${row.label} | ${int(row.ms)} | ${share(row.share)} | ${share(row.busyShare)} |`),
    '',
    `The ${p.top.length} functions with the most self time (pseudo-frames such as GC and idle are in the categories above):`,
    '',
    '| Function | Where | Category | Self time (ms) | Of busy |',
    '| --- | --- | --- | ---: | ---: |',
    ...p.top.map((f) => `| \`${f.label}\` | ${f.location} | ${f.category} | ${int(f.ms)} | ${share(f.busyShare)} |`),
    '',
  ];
}
