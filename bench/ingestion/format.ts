export function int(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

export function pct(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

/** One decimal under 10%, so that small shares are not all "0%". */
export function share(ratio: number): string {
  const percent = ratio * 100;
  return percent < 10 ? `${percent.toFixed(1)}%` : `${Math.round(percent)}%`;
}

export function mib(value: number): string {
  return value.toFixed(1);
}

export function seconds(value: number): string {
  return value < 10 ? value.toFixed(2) : value.toFixed(1);
}

export function duration(total: number): string {
  return total < 120 ? `${Math.round(total)} s` : `${Math.floor(total / 60)} min ${Math.round(total % 60)} s`;
}

export function yes(met: boolean): string {
  return met ? 'yes' : '**no**';
}
