export interface Progress {
  /** Units done so far (lines, messages). */
  done: number;
  /** Fraction of the input read, 0..1, when its size is known. */
  fraction?: number;
  elapsedMs: number;
  unit: string;
}

const width = 24;

/** `[#########---------------]  37% 120,000 lines · 8,512 lines/s · ETA 0:45`, for a terminal line. */
export function progressLine({ done, fraction, elapsedMs, unit }: Progress): string {
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const parts = [`${done.toLocaleString('en-US')} ${unit}`, `${Math.round(rate).toLocaleString('en-US')} ${unit}/s`];
  if (fraction === undefined) return parts.join(' · ');
  const clamped = Math.min(1, Math.max(0, fraction));
  const filled = Math.round(clamped * width);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.floor(clamped * 100)).padStart(3)}%`;
  const eta = clamped > 0 && clamped < 1 ? ` · ETA ${duration((elapsedMs * (1 - clamped)) / clamped)}` : '';
  return `${bar} ${parts.join(' · ')}${eta}`;
}

export function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
