import { Inject, Injectable } from '@nestjs/common';
import { CustomerState, customerDecider } from '@cdp/customer';
import { customerStream } from '@cdp/event-model';
import { EventStore } from '@cdp/event-store';
import { KnownStream } from '@cdp/ingestion';
import { foldStream } from '../event-sourcing/stream-state';
import { EVENT_STORE } from '../event-store/event-store.token';

const maxCachedStreams = 20_000;

/**
 * The write side's memory of recent customer streams, so that a busy customer is not read back
 * from the store for every message. Only this process appends through it; another writer shows
 * up as a concurrency conflict, after which the caller forgets the entry and reads the stream again.
 */
@Injectable()
export class CustomerStreams {
  private readonly cache = new Map<string, KnownStream<CustomerState>>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load(customerId: string): Promise<KnownStream<CustomerState>> {
    const cached = this.cache.get(customerId);
    if (cached) {
      // Map order is insertion order: re-inserting makes this the most recently used.
      this.cache.delete(customerId);
      this.cache.set(customerId, cached);
      return cached;
    }
    const eventIds = new Set<string>();
    const { state, revision } = await foldStream(this.store, customerStream(customerId), {
      initialState: customerDecider.initialState,
      evolve: customerDecider.evolve,
      onEvent: (event) => eventIds.add(event.eventId),
    });
    return { state, revision, eventIds };
  }

  remember(customerId: string, stream: KnownStream<CustomerState>): void {
    this.cache.delete(customerId);
    this.cache.set(customerId, stream);
    if (this.cache.size > maxCachedStreams) this.cache.delete(this.cache.keys().next().value as string);
  }

  forget(customerId: string): void {
    this.cache.delete(customerId);
  }
}
