import { SeededRandom, seedWords } from './seeded-random';
import { TimelineHeap } from './timeline-heap';

describe('the timeline heap', () => {
  it('gives the parties back by time, ties by party index, however they were pushed and moved', () => {
    const random = new SeededRandom(seedWords('heap'));
    const parties = 5_000;
    const heap = new TimelineHeap(parties);
    // Few distinct times, so that ties are common.
    for (const party of Array.from({ length: parties }, (_, i) => i).sort(() => random.next() - 0.5)) {
      heap.push(party, random.below(50));
    }
    const popped: [number, number][] = [];
    while (heap.size > 0) {
      const [party, time] = [heap.topParty(), heap.topTime()];
      popped.push([time, party]);
      // Every other party comes back once, later: as a party's next event does.
      if (party % 2 === 0 && time < 50) heap.replaceTop(time + 50 + random.below(50));
      else heap.pop();
    }
    expect(popped).toHaveLength(parties + parties / 2);
    const sorted = [...popped].sort(([ta, pa], [tb, pb]) => ta - tb || pa - pb);
    expect(popped).toEqual(sorted);
  });

  it('refuses more parties than its capacity', () => {
    const heap = new TimelineHeap(1);
    heap.push(0, 1);
    expect(() => heap.push(1, 2)).toThrow('full');
  });
});
