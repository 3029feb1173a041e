import { AudienceRun } from './platform-audience';
import { AudienceBenchResults } from './results';

const n = (value: number, digits = 0) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ms = (value: number) => (value < 1 ? `${n(value * 1000)} µs` : `${n(value, 2)} ms`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const growth = (runs: AudienceRun[]) => Math.max(...runs.map((run) => run.rssPeakMiB - run.rssBeforeMiB));

/** The section of docs/benchmarks.md: what was measured, how, and against which target. */
export function renderAudienceReport(r: AudienceBenchResults): string {
  const { history: h, embedded, ferretdb, baseline, reevaluation: re } = r;
  const embeddedSeconds = median(embedded.runs.map((run) => run.seconds));
  const ferretdbSeconds = median(ferretdb.runs.map((run) => run.seconds));
  const [first] = embedded.runs;
  const ferretdbScanFull = baseline.ferretdbAudience.seconds * (embedded.evaluation.size / baseline.ferretdbAudience.profiles);
  const scanPerChange = baseline.segments.seconds;
  const rows = (runs: AudienceRun[]) =>
    runs.map((run, index) => `| ${index + 1} | ${n(run.seconds, 2)} | ${n(run.serverSeconds, 2)} | ${n(run.members)} | ${n(run.audience)} | ${n(run.rssBeforeMiB)} | ${n(run.rssPeakMiB)} | ${n(run.rssPeakMiB - run.rssBeforeMiB, 1)} |`).join('\n');
  const met = (ok: boolean) => (ok ? 'yes' : '**no**');
  return `## Audiences: eligibility, audience of a million, re-evaluation

Run on ${r.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, on commit ${r.source.commit}${r.source.dirty ? ' (with uncommitted changes)' : ''}; the whole run took ${n(r.seconds / 60)} min.

**Command:** \`npm run bench:audience\`${r.config.overrides.length ? `, with ${r.config.overrides.map((o) => `\`${o}\``).join(', ')}` : ''}.
Counts can be lowered for a smoke run (\`BENCH_EVENTS\`, \`BENCH_CUSTOMERS\`, \`BENCH_REEVALUATIONS\`, \`BENCH_ELIGIBILITY_CHECKS\`, \`BENCH_AUDIENCE_RUNS\`, \`BENCH_FERRETDB_PROFILES\`);
this file changes only with \`BENCH_WRITE_DOCS=1\`.

**Machine:** ${r.machine.cpu}, ${r.machine.cores} cores, ${n(r.machine.memoryGiB, 1)} GiB memory; Node ${r.versions.node}; ${r.machine.os};
load average ${r.loadAtStart.map((l) => n(l, 2)).join(' / ')} at the start, ${r.loadAtEnd.map((l) => n(l, 2)).join(' / ')} at the end. SQLite ${r.versions.sqlite};
FerretDB v1.24.2 (SQLite backend) as \`infra/start.sh\` runs it, on the same machine.

**Data:** ${n(h.events)} events over ${n(h.customers)} customers from \`@cdp/history-generator\` (seed ${h.seed}, ${h.from.slice(0, 10)} to ${h.to.slice(0, 10)}).
Its read models (the 360° view, and the audiences worker's profiles, memberships and postings) were built from the first event by the
workers the platform runs${r.readModels.reused ? ` (reused from ${r.readModels.builtAt.slice(0, 10)}: built in ${n(r.readModels.seconds / 60)} min, ${n(r.readModels.eventsPerSecond)} events/s, peak ${n(r.readModels.peakRssMiB)} MiB)` : ` in ${n(r.readModels.seconds / 60)} min (${n(r.readModels.eventsPerSecond)} events/s, peak ${n(r.readModels.peakRssMiB)} MiB)`}.
The built platform runs on a copy (${n(r.copySeconds)} s to copy). Through its API: the segment \`everyone\` (\`orderCount >= 0\`: every customer)
was defined and evaluated over every customer in ${n(embedded.evaluation.seconds)} s (${n(embedded.evaluation.size)} members); a campaign by e-mail for the
${r.campaign.products.length} most returned products (${r.campaign.products.join(', ')}) was planned, asked as of ${r.campaign.asOf}.

### Targets

| Target | Measured | Naive baseline, same run | Baseline ÷ measured | Met |
| --- | --- | --- | ---: | --- |
| Eligibility check < 5 ms at p99 | p50 ${ms(embedded.eligibility.p50)}, p99 ${ms(embedded.eligibility.p99)} (${n(embedded.eligibility.count)} checks over HTTP) | | | ${met(embedded.eligibility.p99 < 5)} |
| Audience of a 1,000,000-customer segment, 10-product campaign, < 10 s, embedded | ${n(embeddedSeconds, 2)} s (median of ${embedded.runs.length}) | full scan of every profile: ${n(baseline.embeddedAudience.seconds, 1)} s | ${n(baseline.embeddedAudience.seconds / embeddedSeconds, 1)}× | ${met(embeddedSeconds < 10)} |
| The same on FerretDB | ${n(ferretdbSeconds, 2)} s (median of ${ferretdb.runs.length}) | full scan: ${n(baseline.ferretdbAudience.profilesPerSecond)} profiles/s over ${n(baseline.ferretdbAudience.profiles)}, so ${n(ferretdbScanFull, 0)} s for ${n(embedded.evaluation.size)} | ${n(ferretdbScanFull / ferretdbSeconds, 1)}× | ${met(ferretdbSeconds < 10)} |
| Flat memory while computing it | the platform's RSS grew by at most ${n(growth(embedded.runs), 1)} MiB (embedded), ${n(growth(ferretdb.runs), 1)} MiB (FerretDB) | full scan: +${n(baseline.embeddedAudience.rssGrowthMiB, 1)} MiB | | ${met(growth(embedded.runs) < 64 && growth(ferretdb.runs) < 64)} |
| Re-evaluating one customer against ${re.segments} active segments < 1 ms at p50 | p50 ${ms(re.evaluation.p50)}, p99 ${ms(re.evaluation.p99)}; with the profile read: p50 ${ms(re.withRead.p50)}, p99 ${ms(re.withRead.p99)} | the ${re.segments} segments by full scan: ${n(scanPerChange, 1)} s | ${n((scanPerChange * 1000) / re.withRead.p50, 0)}× | ${met(re.evaluation.p50 < 1)} |

### Audience computations

\`POST /v1/campaigns/${'{id}'}/audience\` with \`asOf\`, timed at the client; the platform's own \`durationMs\`; its resident memory sampled
every 250 ms during the call. ${n(first.excluded)} members were left out (${Object.entries(first.byRule).map(([rule, count]) => `${rule} ${n(count)}`).join(', ')}).

| Store | Run | Seconds | Server seconds | Members | Audience | RSS before (MiB) | RSS peak (MiB) | Growth (MiB) |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows(embedded.runs).replace(/^\| /gm, '| embedded | ')}
${rows(ferretdb.runs).replace(/^\| /gm, '| FerretDB | ')}

How it is computed: the members of the segment are read as 256 keyed buckets of sorted ids, and with them, bucket by bucket, the
campaign's postings (its consent, its products: ${r.campaign.keys.length} keys); each member is decided by the suppression rule over its postings
(docs/campaigns.md); 32 buckets are in memory at a time, then written as the audience's own buckets. The FerretDB side reads the same
documents, copied there from the embedded read models (${n(ferretdb.copy.documents)} documents, ${n(ferretdb.copy.seconds)} s, the baseline's profiles included), by
the platform started with \`READ_STORE=mongodb\` and \`PROJECTIONS=off\`.

### Baselines

- **Audience by full scan:** every profile of the read models read in id order (\`stream\`), evaluated against the segment, each member
  decided by the same rule over its own suppression log: ${n(baseline.embeddedAudience.profiles)} profiles in ${n(baseline.embeddedAudience.seconds, 1)} s
  (${n(baseline.embeddedAudience.profilesPerSecond)}/s), ${n(baseline.embeddedAudience.audience)} in the audience. On FerretDB, the first
  ${n(baseline.ferretdbAudience.profiles)} profiles in ${n(baseline.ferretdbAudience.seconds, 1)} s (FerretDB 1.x decodes every document it
  scans): the full scan is extrapolated from that rate.
- **Segments by full scan:** keeping ${re.segments} segments without incremental evaluation means evaluating all of them over every profile
  when anything changes: ${n(baseline.segments.profiles)} profiles × ${re.segments} segments in ${n(baseline.segments.seconds, 1)} s.
- **Re-evaluation:** ${n(re.customers)} customers drawn at random (seeded), each evaluated against the ${re.segments} segments (the segment
  \`everyone\` and ${re.segments - 1} from \`bench/audience/segment-mix.ts\`: profile, value, service, consent and behaviour conditions,
  alone and combined), compiled once, at ${h.to.slice(0, 10)}, after as many for warm-up. Members per segment over the sample: ${n(re.membersPerSegment.min)}
  to ${n(re.membersPerSegment.max)} (median ${n(re.membersPerSegment.median)}).
`;
}
