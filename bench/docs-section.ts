import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface DocsSection {
  /** The section's markers are `<!-- bench:<name>:start -->` and `<!-- bench:<name>:end -->`. */
  name: string;
  /** Sections this one follows the first time it is written, the nearest first; absent ones are skipped. */
  after?: string[];
  /** The document to start from when there is none. */
  intro?: string;
}

/**
 * Replaces one benchmark's section of the benchmarks document, the rest of it left as it is. The first time, the
 * section goes right after the first of `after` the document holds, or at its end.
 */
export function writeDocsSection(file: string, { name, after = [], intro = '# Benchmarks\n' }: DocsSection, section: string): void {
  const [startMarker, endMarker] = [`<!-- bench:${name}:start -->`, `<!-- bench:${name}:end -->`];
  const block = `${startMarker}\n${section.trim()}\n${endMarker}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : intro;
  const start = current.indexOf(startMarker);
  const end = current.indexOf(endMarker);
  if (start >= 0 && end > start) {
    writeFileSync(file, current.slice(0, start) + block + current.slice(end + endMarker.length));
    return;
  }
  const previous = after.map((other) => `<!-- bench:${other}:end -->`).find((marker) => current.includes(marker));
  const at = previous ? current.indexOf(previous) + previous.length : -1;
  writeFileSync(file, at >= 0 ? `${current.slice(0, at)}\n\n${block}${current.slice(at)}` : `${current.trimEnd()}\n\n${block}\n`);
}
