import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

// The import command as operators run it: the built CLI.
const importJs = resolve(__dirname, '../../dist/ingestion/cli/import.js');
export const onlineRetailCsv = process.env.ONLINE_RETAIL_CSV ?? '/work/shared/datasets/online-retail/online-retail.csv.gz';

export interface ImportRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run import -- <args>` with only the given environment (and PATH), in `cwd`. */
export function runImport(args: string[], cwd: string, env: Record<string, string>): Promise<ImportRun> {
  const child = spawn(process.execPath, [importJs, ...args], { cwd, env: { PATH: process.env.PATH ?? '', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((done) => child.once('exit', (code) => done({ code, stdout, stderr })));
}

/** A figure of the summary, e.g. `recorded:  44,579`. */
export function figure(stdout: string, label: string): number {
  const match = new RegExp(`^${label}:\\s+([\\d,]+)`, 'm').exec(stdout);
  if (!match) throw new Error(`no "${label}" in the summary:\n${stdout}`);
  return Number(match[1].replace(/,/g, ''));
}
