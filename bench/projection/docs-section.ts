import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const startMarker = '<!-- bench:project:start -->';
export const endMarker = '<!-- bench:project:end -->';
/** The sections this one follows, the nearest first. */
const sectionsBefore = ['<!-- bench:ingest:end -->', '<!-- bench:store:end -->'];

/**
 * Replaces the projection section of the benchmarks document. The first time, the section goes right after
 * the ingestion's (or the event store's); the rest of the document is left as it is.
 */
export function writeProjectionSection(file: string, section: string): void {
  const block = `${startMarker}\n${section.trim()}\n${endMarker}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = current.indexOf(startMarker);
  const end = current.indexOf(endMarker);
  let next: string;
  if (start >= 0 && end > start) {
    next = current.slice(0, start) + block + current.slice(end + endMarker.length);
  } else {
    const before = sectionsBefore.find((marker) => current.includes(marker));
    const after = before ? current.indexOf(before) + before.length : -1;
    next = after >= 0 ? `${current.slice(0, after)}\n\n${block}${current.slice(after)}` : `${current.trimEnd()}\n\n${block}\n`;
  }
  writeFileSync(file, next);
}
