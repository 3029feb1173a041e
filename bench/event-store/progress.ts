/** Progress goes to stderr, so that stdout holds the report alone. */
export function progress(label: string, done: number, total: number, elapsedMs: number): void {
  const rate = elapsedMs > 0 ? Math.round(done / (elapsedMs / 1000)).toLocaleString('en-US') : '-';
  process.stderr.write(`  ${label}: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} events, ${rate} events/s\n`);
}

export function phase(title: string): void {
  process.stderr.write(`\n${title}\n`);
}
