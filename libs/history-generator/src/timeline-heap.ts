/**
 * The parties waiting for their next event, earliest first: a 4-ary min-heap of (time, party) with the
 * keys stored in the heap itself. With a million parties the heap is the generator's hottest loop: keys
 * beside each other (four children share a cache line or two) and half as many levels as a binary heap
 * are what keep it fast. Ties go to the lower party index, so the order never depends on insertion order.
 */
export class TimelineHeap {
  private readonly times: Float64Array;
  private readonly parties: Int32Array;
  private count = 0;

  constructor(capacity: number) {
    this.times = new Float64Array(Math.max(1, capacity));
    this.parties = new Int32Array(Math.max(1, capacity));
  }

  get size(): number {
    return this.count;
  }

  /** The earliest party and its time; only when size > 0. */
  topParty(): number {
    return this.parties[0];
  }

  topTime(): number {
    return this.times[0];
  }

  push(party: number, time: number): void {
    if (this.count === this.times.length) throw new Error('the timeline heap is full');
    const { times, parties } = this;
    let at = this.count++;
    while (at > 0) {
      const parent = (at - 1) >> 2;
      const parentTime = times[parent];
      if (parentTime < time || (parentTime === time && parties[parent] < party)) break;
      times[at] = parentTime;
      parties[at] = parties[parent];
      at = parent;
    }
    times[at] = time;
    parties[at] = party;
  }

  /** The earliest party's next event is at `time` (later than its current one): moves it to its place. */
  replaceTop(time: number): void {
    this.siftDown(time, this.parties[0]);
  }

  /** Removes the earliest party. */
  pop(): void {
    const last = --this.count;
    if (last > 0) this.siftDown(this.times[last], this.parties[last]);
  }

  private siftDown(time: number, party: number): void {
    const { times, parties } = this;
    const count = this.count;
    let at = 0;
    for (;;) {
      const first = 4 * at + 1;
      if (first >= count) break;
      // The earliest of up to four children.
      let child = first;
      let childTime = times[first];
      const end = first + 4 < count ? first + 4 : count;
      for (let c = first + 1; c < end; c++) {
        const t = times[c];
        if (t < childTime || (t === childTime && parties[c] < parties[child])) {
          child = c;
          childTime = t;
        }
      }
      if (time < childTime || (time === childTime && party < parties[child])) break;
      times[at] = childTime;
      parties[at] = parties[child];
      at = child;
    }
    times[at] = time;
    parties[at] = party;
  }
}
