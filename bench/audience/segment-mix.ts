import { SeededRandom } from '../event-store/seeded-random';

const countries = ['GB', 'FR', 'DE', 'IE', 'ES', 'NL', 'BE', 'IT', 'US'];
const categories = ['candles', 'home-decor', 'kitchen', 'tableware', 'lighting', 'garden', 'stationery', 'party', 'christmas', 'toys'];
const channels = ['email', 'web', 'sms', 'phone', 'store'];
const stages = ['prospect', 'active', 'at-risk', 'churned'];

/**
 * A hundred segments as analysts write them: profile, value, service, consent and behaviour conditions, alone and
 * combined with all / any / not, in the proportions of a real segment library (seeded: the same mix every run).
 */
export function segmentMix(count: number, seed: number): { segmentId: string; conditions: unknown }[] {
  const random = new SeededRandom(seed);
  const below = (n: number): number => random.int(0, n - 1);
  const pick = <T>(items: readonly T[]): T => items[below(items.length)];
  const leaf = (): unknown => {
    switch (below(12)) {
      case 0:
        return { field: 'country', op: 'in', values: [pick(countries), pick(countries)] };
      case 1:
        return { field: 'orderCount', op: 'gte', value: 1 + below(10) };
      case 2:
        return { field: 'revenue', op: 'gte', value: 50 * (1 + below(40)) };
      case 3:
        return { field: pick(['rfmRecency', 'rfmFrequency', 'rfmMonetary']), op: 'gte', value: 2 + below(4) };
      case 4:
        return { field: 'lifecycleStage', op: 'eq', value: pick(stages) };
      case 5:
        return { consent: { channel: pick(channels), purpose: 'marketing' } };
      case 6:
        return { bought: { category: pick(categories), withinDays: pick([30, 90, 180, 365]), atLeast: 1 + below(2) } };
      case 7:
        return { interacted: { channel: pick(channels), withinDays: pick([7, 30, 90]) } };
      case 8:
        return { field: pick(['hasOpenReturn', 'hasOpenComplaint']), op: 'eq', value: below(2) === 0 };
      case 9:
        return { field: 'age', op: 'gte', value: 18 + below(50) };
      case 10:
        return { field: 'daysSinceLastOrder', op: 'lte', value: pick([30, 90, 365]) };
      default:
        return { field: 'partyKind', op: 'eq', value: pick(['customer', 'prospect', 'partner']) };
    }
  };
  return Array.from({ length: count }, (_, index) => {
    const shape = below(4);
    const conditions =
      shape === 0 ? leaf() : shape === 1 ? { all: [leaf(), leaf()] } : shape === 2 ? { all: [leaf(), { any: [leaf(), leaf()] }] } : { all: [leaf(), { not: leaf() }, leaf()] };
    return { segmentId: `bench-${String(index).padStart(3, '0')}`, conditions };
  });
}
