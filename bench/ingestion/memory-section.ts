import { EndToEndRun } from './end-to-end';
import { int, mib, pct, seconds } from './format';
import { heapEverySamples, sampleEveryMs } from './ingest-watch';

/** The platform's memory over the end-to-end run, and what the profiled run's major GCs found alive. */
export function memorySection(run: EndToEndRun, heapLimitMiB: number, profiled?: EndToEndRun): string[] {
  const cell = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? 'n/a' : mib(value));
  const rows = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1].map((fraction) => {
    const target = run.messages * fraction;
    const s = run.samples.find((sample) => sample.committed >= target) ?? run.samples[run.samples.length - 1];
    return `| ${pct(fraction)} | ${seconds(s.seconds)} | ${int(s.committed)} | ${mib(s.rssMiB)} | ${mib(s.anonMiB)} | ${mib(s.fileMiB)} | ${cell(s.heapTotalMiB)} | ${cell(s.heapUsedMiB)} | ${cell(s.externalMiB)} |`;
  });
  const peak = run.peak;
  const heapTotals = run.samples.map((s) => s.heapTotalMiB ?? NaN).filter((v) => !Number.isNaN(v));
  return [
    '### Memory of the platform',
    '',
    `Sampled every ${sampleEveryMs} ms from \`/proc/<pid>/status\` while it ingested the ${int(run.messages)} messages (${run.samples.length} samples);`,
    `the JS heap every ${(sampleEveryMs * heapEverySamples) / 1000} s from the platform's own \`GET /metrics\` (prom-client's \`nodejs_heap_size_*\`, \`nodejs_external_memory_bytes\`).`,
    `Peak VmRSS sampled: ${mib(peak.rssMiB)} MiB (anonymous ${mib(peak.anonMiB)}, file-backed ${mib(peak.fileMiB)}) at ${seconds(peak.seconds)} s;`,
    `the kernel's high-water mark (VmHWM, no peak between samples escapes it) read before the stop: ${mib(run.hwmMiB)} MiB.`,
    `The JS heap's committed size reached ${heapTotals.length ? mib(Math.max(...heapTotals)) : 'n/a'} MiB. Besides it, anonymous memory holds SQLite's page cache`,
    "(64 MiB at most), Buffers (external) and Node's own; file-backed pages are the code of node and its addons, and what is resident of SQLite's memory map.",
    ...(profiled ? gcLines(profiled, heapLimitMiB) : []),
    '',
    '| Committed | At (s) | Messages | RSS (MiB) | Anonymous | File-backed | JS heap total | JS heap used | External |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
  ];
}

/** What the profiled run's major GCs (--trace-gc) found alive: the part of the heap that is not garbage. */
function gcLines(profiled: EndToEndRun, heapLimitMiB: number): string[] {
  const peak = Math.max(profiled.peakRssMiB, profiled.hwmMiB);
  const lines = [`With ${int(profiled.messages)} messages waiting (the profiled run, with the profiler's own memory): peak RSS ${mib(peak)} MiB.`];
  const gcs = profiled.majorGcs;
  if (gcs.length === 0) return lines;
  const live = gcs.map((gc) => gc.usedAfter).sort((a, b) => a - b);
  const median = live[Math.floor(live.length / 2)];
  return [
    ...lines,
    `That run also had \`--trace-gc\`: its ${gcs.length} major GCs (Mark-Compact, start-up included) left ${live[0].toFixed(0)} to ${live[live.length - 1].toFixed(0)} MB`,
    `of the heap alive (median ${median.toFixed(0)} MB), from up to ${Math.max(...gcs.map((gc) => gc.usedBefore)).toFixed(0)} MB used before; the heap stayed committed at up to`,
    `${Math.max(...gcs.map((gc) => gc.committedAfter)).toFixed(0)} MB. Most of the heap is garbage waiting for V8's next major GC, which V8 puts off while the`,
    `heap is far below its limit (node's default here: ${int(heapLimitMiB)} MiB), not data the platform holds.`,
  ];
}
