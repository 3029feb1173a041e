import { IngestionMessage } from '@cdp/online-retail-import';
import { v5 as uuidV5 } from 'uuid';

// Fixed: the same backlog gets the same ids in every run.
const benchEventIdNamespace = '2b0c6f4e-7a1d-5e93-8c4b-1f6e3d9a7b52';

/**
 * The Online Retail messages repeated under new ids until there are `size` of them. Message i is
 * the file's message i mod n in repetition ⌊i / n⌋: its customer is `<customerId>-r<repetition>`
 * and its event id uuid v5 of `<original event id>/<repetition>`, so every repetition is a new set
 * of customers with the same history, and no event id repeats.
 */
export class Backlog {
  constructor(
    readonly base: readonly IngestionMessage[],
    readonly size: number,
  ) {
    if (base.length === 0) throw new Error('the Online Retail file gave no message');
  }

  get repetitions(): number {
    return this.size / this.base.length;
  }

  originalIndex(i: number): number {
    return i % this.base.length;
  }

  repetition(i: number): number {
    return Math.floor(i / this.base.length);
  }

  customerId(i: number): string {
    return `${this.base[this.originalIndex(i)].customerId}-r${this.repetition(i)}`;
  }

  eventId(i: number): string {
    return uuidV5(`${this.base[this.originalIndex(i)].eventId}/${this.repetition(i)}`, benchEventIdNamespace);
  }

  /** The message as a producer sends it: the importer's message with the new customer and event ids. */
  message(i: number): IngestionMessage {
    return { ...this.base[this.originalIndex(i)], customerId: this.customerId(i), eventId: this.eventId(i) };
  }
}
