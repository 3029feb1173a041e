/**
 * The retailer's timestamps carry no zone: they are UK civil time (Europe/London).
 * Since 1996 the UK follows the EU rule: BST (UTC+1) from the last Sunday of March, 01:00 UTC,
 * to the last Sunday of October, 01:00 UTC. The rule is written out rather than asked of Intl
 * so that the result does not depend on the ICU data of the Node build.
 */
const localTimePattern = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;
const hour = 3_600_000;

function lastSundayUtc(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0));
  return Date.UTC(year, monthIndex, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

export function isBritishSummerTime(epochMs: number): boolean {
  const year = new Date(epochMs).getUTCFullYear();
  return epochMs >= lastSundayUtc(year, 2) && epochMs < lastSundayUtc(year, 9);
}

/**
 * `2011-06-01 09:30:00` (London) → epoch ms, or undefined when the text is no valid date.
 * Ambiguous local times (the repeated hour in October) are read as BST, the first occurrence;
 * local times that do not exist (the skipped hour in March) are read as GMT.
 */
export function ukLocalTimeToEpochMs(localTime: string): number | undefined {
  // The lines of an invoice share their timestamp: remembering the last one halves the work.
  if (localTime === lastConverted.localTime) return lastConverted.epochMs;
  const epochMs = convert(localTime);
  lastConverted = { localTime, epochMs };
  return epochMs;
}

let lastConverted: { localTime?: string; epochMs?: number } = {};

function convert(localTime: string): number | undefined {
  const match = localTimePattern.exec(localTime.trim());
  if (!match) return undefined;
  const [year, month, day, h, m, s] = match.slice(1).map((part) => Number(part ?? 0));
  const asIfUtc = Date.UTC(year, month - 1, day, h, m, s);
  const check = new Date(asIfUtc);
  const valid =
    check.getUTCFullYear() === year &&
    check.getUTCMonth() === month - 1 &&
    check.getUTCDate() === day &&
    h < 24 &&
    m < 60 &&
    s < 60;
  if (!valid) return undefined;
  const ifSummer = asIfUtc - hour;
  return isBritishSummerTime(ifSummer) ? ifSummer : asIfUtc;
}

/** `2011-06-01 09:30:00` (London) → `2011-06-01T08:30:00.000Z`. */
export function ukLocalTimeToUtcIso(localTime: string): string | undefined {
  const epochMs = ukLocalTimeToEpochMs(localTime);
  return epochMs === undefined ? undefined : new Date(epochMs).toISOString();
}
