import { eventTypes, mixWeights, T } from './event-mix';
import { SeededRandom, WeightedTable } from './seeded-random';

/** Whether the current party can have an event of a type now (a return needs an order to return from…). */
export interface Feasibility {
  canRecord(type: number): boolean;
}

/**
 * Picks each event's type so that the history keeps the documented mix although many types only fit
 * some parties at some moments:
 * - a type drawn for a party that cannot have it (a return without an order) becomes a debt, and the
 *   party gets another owed type it can have, or an interaction;
 * - an interaction drawn for a party that can settle a debt settles it instead (that is how a party with
 *   a return in progress sees it received, refunded…), which gives back the interaction lent above;
 * - a type produced outside the draw (a payment minutes after its order, the profile filled in just after
 *   signing up) is a credit: the next draw of that type is drawn again.
 * Every type thus ends at its share of the events, give or take the debts still open at the end.
 */
export class MixBalancer {
  private readonly table = new WeightedTable(mixWeights());
  private readonly debt = new Int32Array(eventTypes.length);
  private readonly credit = new Int32Array(eventTypes.length);
  private readonly owed: number[] = eventTypes.map((_, code) => code).filter((code) => code !== T.registered && code !== T.interaction);

  constructor(private readonly random: SeededRandom) {}

  /** An event of `type` happened outside the draw: it takes the place of a drawn one. */
  recordForced(type: number): void {
    this.credit[type]++;
  }

  choose(party: Feasibility): number {
    let type: number;
    do {
      type = this.table.draw(this.random);
      if (this.credit[type] === 0) break;
      this.credit[type]--;
    } while (true);
    if (type !== T.interaction) {
      if (party.canRecord(type)) return type;
      this.debt[type]++;
    }
    return this.settle(party);
  }

  private settle(party: Feasibility): number {
    const owed = this.owed;
    const start = this.random.below(owed.length);
    for (let i = 0; i < owed.length; i++) {
      const type = owed[(start + i) % owed.length];
      if (this.debt[type] > 0 && party.canRecord(type)) {
        this.debt[type]--;
        return type;
      }
    }
    return T.interaction;
  }
}
