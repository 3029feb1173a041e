// Math's functions are read once: under jest (a vm context) every lookup of a global is slow.
const { ceil, floor, max, min } = Math;

const hourMs = 3_600_000;

/** A gift retailer's year (the Online Retail data set peaks in the autumn, before Christmas): January … December. */
const monthWeights = [0.7, 0.7, 0.9, 0.8, 0.9, 0.9, 0.9, 0.9, 1.2, 1.3, 1.6, 1.2];
/** Sunday … Saturday: weekdays busier than weekends. */
const weekdayWeights = [0.8, 1.1, 1.1, 1.1, 1.15, 1.0, 0.75];
/** UTC hours: quiet at night, busiest over lunch and the afternoon. */
const hourWeights = [0.15, 0.1, 0.1, 0.1, 0.1, 0.15, 0.25, 0.45, 0.8, 1.2, 1.3, 1.35, 1.4, 1.4, 1.35, 1.3, 1.2, 1.1, 1.0, 0.95, 0.9, 0.8, 0.6, 0.35];

/**
 * Turns the generator's even time (parties' events spread uniformly) into business time, which has
 * seasons, weekdays and office hours. The mapping is monotonic, so the events keep their order; it is
 * the inverse of the period's cumulative activity, linear within each hour.
 */
export class BusinessClock {
  /** Per hour of the period: where it starts in even time, and in business time. */
  private readonly evenStarts: Float64Array;
  private readonly businessStarts: Float64Array;
  private cursor = 0;

  constructor(
    private readonly fromMs: number,
    private readonly toMs: number,
  ) {
    const firstHour = floor(fromMs / hourMs) * hourMs;
    const hours = ceil((toMs - firstHour) / hourMs);
    this.businessStarts = new Float64Array(hours + 1);
    const activity = new Float64Array(hours);
    let total = 0;
    for (let h = 0; h < hours; h++) {
      const start = max(fromMs, firstHour + h * hourMs);
      const end = min(toMs, firstHour + (h + 1) * hourMs);
      this.businessStarts[h] = start;
      const date = new Date(start);
      activity[h] = (end - start) * monthWeights[date.getUTCMonth()] * weekdayWeights[date.getUTCDay()] * hourWeights[date.getUTCHours()];
      total += activity[h];
    }
    this.businessStarts[hours] = toMs;
    this.evenStarts = new Float64Array(hours + 1);
    let cumulative = 0;
    for (let h = 0; h < hours; h++) {
      this.evenStarts[h] = fromMs + ((toMs - fromMs) * cumulative) / total;
      cumulative += activity[h];
    }
    this.evenStarts[hours] = toMs;
  }

  /** The business time (ms, in [from, to)) of an even time in [from, to). Fastest when called with times in order. */
  businessTime(evenMs: number): number {
    const starts = this.evenStarts;
    let hour = this.cursor;
    if (evenMs < starts[hour]) hour = this.hourOf(evenMs);
    while (hour < starts.length - 2 && starts[hour + 1] <= evenMs) hour++;
    this.cursor = hour;
    const evenLength = starts[hour + 1] - starts[hour];
    const businessLength = this.businessStarts[hour + 1] - this.businessStarts[hour];
    const into = evenLength > 0 ? ((evenMs - starts[hour]) / evenLength) * businessLength : 0;
    return min(this.toMs - 1, max(this.fromMs, floor(this.businessStarts[hour] + into)));
  }

  /** The last hour starting at or before `evenMs` (bisection). */
  private hourOf(evenMs: number): number {
    let low = 0;
    let high = this.evenStarts.length - 2;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (this.evenStarts[middle] <= evenMs) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}
