import { activityWeight } from './population';
import { unitHashOf } from './seeded-random';

// Math's functions are read once: under jest (a vm context) every lookup of a global is slow.
const { pow, min, floor } = Math;

/**
 * When each party registers, and how many events it makes in all. Parties register in index order, at
 * sorted random times (the order statistics of uniform draws, generated one after the other), denser at
 * the start of the period: at half of it, about 60% are registered. The events beyond the registrations
 * are shared out in proportion to the parties' activity weights, exactly: the counts add up to `events`.
 */
export class Arrivals {
  private readonly totalWeight: number;
  private readonly extraEvents: number;
  private readonly span: number;
  private party = -1;
  private cumulativeWeight = 0;
  private allocated = 0;
  /** 1 − u of the last party's uniform order statistic. */
  private remainingMass = 1;
  /** The current party's registration time and event count. */
  time = 0;
  events = 0;

  constructor(
    private readonly key: number,
    private readonly parties: number,
    events: number,
    private readonly fromMs: number,
    private readonly toMs: number,
  ) {
    let total = 0;
    for (let party = 0; party < parties; party++) total += activityWeight(key, party);
    this.totalWeight = total;
    this.extraEvents = events - parties;
    this.span = toMs - fromMs;
  }

  get hasNext(): boolean {
    return this.party + 1 < this.parties;
  }

  /** Moves to the next party: its index. `time` and `events` then describe it. */
  next(): number {
    const party = ++this.party;
    const left = this.parties - party;
    const v = 1 - unitHashOf(this.key, party, 11);
    this.remainingMass *= pow(v, 1 / left);
    const u = 1 - this.remainingMass;
    this.time = min(this.toMs - 1, this.fromMs + floor(this.span * pow(u, 1.5)));
    // Same additions in the same order as the constructor's: the last party's share ends exactly at 1.
    this.cumulativeWeight += activityWeight(this.key, party);
    const allocatedSoFar = floor((this.cumulativeWeight / this.totalWeight) * this.extraEvents);
    this.events = 1 + allocatedSoFar - this.allocated;
    this.allocated = allocatedSoFar;
    return party;
  }
}
