import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const startMarker = '<!-- bench:ingest:start -->';
export const endMarker = '<!-- bench:ingest:end -->';
const storeEndMarker = '<!-- bench:store:end -->';

/**
 * Replaces the ingestion section of the benchmarks document. The first time, the section goes right
 * after the event store's; the rest of the document is left as it is.
 */
export function writeIngestSection(file: string, section: string): void {
  const block = `${startMarker}\n${section.trim()}\n${endMarker}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = current.indexOf(startMarker);
  const end = current.indexOf(endMarker);
  let next: string;
  if (start >= 0 && end > start) {
    next = current.slice(0, start) + block + current.slice(end + endMarker.length);
  } else {
    const after = current.indexOf(storeEndMarker);
    next =
      after >= 0
        ? `${current.slice(0, after + storeEndMarker.length)}\n\n${block}${current.slice(after + storeEndMarker.length)}`
        : `${current.trimEnd()}\n\n${block}\n`;
  }
  writeFileSync(file, next);
}
