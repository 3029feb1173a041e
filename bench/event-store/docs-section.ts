import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const startMarker = '<!-- bench:store:start -->';
export const endMarker = '<!-- bench:store:end -->';

const intro = `# Benchmarks

Measured on the project's own machines, by scripts in \`bench/\`. Each section is rewritten by its script's
full run; numbers from another machine are not comparable.
`;

/** Replaces the event store section of the benchmarks document, creating the document if needed. */
export function writeSection(file: string, section: string): void {
  const block = `${startMarker}\n${section.trim()}\n${endMarker}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : intro;
  const start = current.indexOf(startMarker);
  const end = current.indexOf(endMarker);
  const next =
    start >= 0 && end > start
      ? current.slice(0, start) + block + current.slice(end + endMarker.length)
      : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}
