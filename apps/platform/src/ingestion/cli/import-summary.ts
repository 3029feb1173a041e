import { IngestionResult } from '../ingestion-result';

export interface ImportSummary {
  messages: number;
  recorded: number;
  duplicate: number;
  unchanged: number;
  rejected: number;
  /** Rejected messages by code. */
  rejectedBy: Record<string, number>;
  /** Events appended, by type. */
  recordedBy: Record<string, number>;
}

export function emptySummary(): ImportSummary {
  return { messages: 0, recorded: 0, duplicate: 0, unchanged: 0, rejected: 0, rejectedBy: {}, recordedBy: {} };
}

export function addResults(summary: ImportSummary, results: readonly IngestionResult[], types: readonly string[]): void {
  results.forEach((result, index) => {
    summary.messages++;
    summary[result.status]++;
    if (result.status === 'rejected') summary.rejectedBy[result.code] = (summary.rejectedBy[result.code] ?? 0) + 1;
    if (result.status === 'recorded') summary.recordedBy[types[index]] = (summary.recordedBy[types[index]] ?? 0) + 1;
  });
}

export function formatSummary(summary: ImportSummary): string {
  const lines = [
    `messages:  ${summary.messages.toLocaleString('en-US')}`,
    `recorded:  ${summary.recorded.toLocaleString('en-US')}`,
    ...Object.entries(summary.recordedBy)
      .sort(([, a], [, b]) => b - a)
      .map(([type, count]) => `  ${type.padEnd(24)} ${count.toLocaleString('en-US')}`),
    `duplicate: ${summary.duplicate.toLocaleString('en-US')} (recorded by an earlier import)`,
    `unchanged: ${summary.unchanged.toLocaleString('en-US')} (valid, but changing nothing)`,
    `rejected:  ${summary.rejected.toLocaleString('en-US')}`,
    ...Object.entries(summary.rejectedBy)
      .sort(([, a], [, b]) => b - a)
      .map(([code, count]) => `  ${code.padEnd(24)} ${count.toLocaleString('en-US')}`),
  ];
  return lines.join('\n');
}
