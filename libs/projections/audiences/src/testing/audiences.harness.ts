// The tests run the worker on the real embedded stores; the worker itself imports no adapter.
/* eslint-disable @nx/enforce-module-boundaries */
import { customer360Projection } from '@cdp/customer-360';
import { customerStream, eventCatalogue, JsonObject, NewEvent, segmentStream } from '@cdp/event-model';
import { EmbeddedEventStore, openEmbeddedEventStore } from '@cdp/event-store-embedded';
import { Clock, ProjectionWorker } from '@cdp/projection-engine';
import { openEmbeddedReadStore } from '@cdp/read-store-embedded';
import { ReadStore } from '@cdp/read-store';
import { MembershipChange, SegmentCommand, segmentDecider } from '@cdp/segments';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { AudienceStores } from '../audience-stores';
import { AudiencesWorker } from '../audiences-worker';
import { AudiencesWorkerOptions } from '../audiences-worker-options';
import { CustomerSegmentsDocument } from '../customer-segments-document';

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  constructor(private at: number) {}
  now(): number {
    return this.at;
  }
  set(at: number): void {
    this.at = at;
  }
  advanceDays(days: number): void {
    this.at += days * 86_400_000;
  }
}

/** Records what the worker publishes. */
export class RecordingSink {
  readonly published: MembershipChange[] = [];
  async publish(changes: readonly MembershipChange[]): Promise<void> {
    this.published.push(...changes);
  }
}

/**
 * An event store and a read store in a temporary folder, the 360° projection and the audiences worker over them,
 * and helpers to append customer facts and segment definitions.
 */
export class AudiencesHarness {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'cdp-audiences-'));
  readonly eventStore: EmbeddedEventStore;
  readStore!: ReadStore;
  projections!: ProjectionWorker;
  worker!: AudiencesWorker;
  stores!: AudienceStores;
  readonly sink = new RecordingSink();
  private readonly customer360 = customer360Projection();

  /**
   * @param openReadStore opens the read store by name (a new name: a new, empty store); default an embedded one.
   */
  constructor(
    readonly clock: ManualClock,
    private readonly openReadStore: (name: string) => Promise<ReadStore> = async (name) => openEmbeddedReadStore({ file: join(this.dataDir, `${name}.sqlite`) }),
  ) {
    this.eventStore = openEmbeddedEventStore({ dataDir: this.dataDir, durability: 'normal' });
  }

  /** Opens a read store (a fresh one by name) and starts both workers on it. */
  async start(readStoreName = 'read-models', options: Partial<AudiencesWorkerOptions> = {}): Promise<void> {
    this.readStore = await this.openReadStore(readStoreName);
    this.projections = new ProjectionWorker({ eventStore: this.eventStore, readStore: this.readStore, projections: [this.customer360 as never], maxBatchDelayMs: 1 });
    this.worker = new AudiencesWorker({
      eventStore: this.eventStore,
      readStore: this.readStore,
      customer360Collection: this.customer360.collection,
      clock: this.clock,
      sink: this.sink,
      dueCheckIntervalMs: 20,
      maxBatchDelayMs: 1,
      retry: { initialDelayMs: 5, maxDelayMs: 20 },
      ...options,
    });
    await this.projections.start();
    this.worker.start();
    this.stores = await AudienceStores.open(this.readStore, this.customer360.collection);
  }

  async stop(): Promise<void> {
    await this.worker?.stop();
    await this.projections?.stop();
    await this.readStore?.close();
  }

  async close(): Promise<void> {
    await this.stop();
    await this.eventStore.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  async append(customerId: string, type: string, data: object, occurredAt: string): Promise<string> {
    const result = await this.eventStore.appendToStream(customerStream(customerId), [newEvent(type, data, occurredAt)], { expectedRevision: 'any' });
    return result.position;
  }

  async defineSegment(segmentId: string, conditions: unknown, command: 'DefineSegment' | 'RedefineSegment' = 'DefineSegment'): Promise<string> {
    return this.segmentCommand({ type: command, data: { segmentId, name: segmentId, conditions } });
  }

  async archiveSegment(segmentId: string): Promise<string> {
    return this.segmentCommand({ type: 'ArchiveSegment', data: { segmentId } });
  }

  private async segmentCommand(command: SegmentCommand): Promise<string> {
    const { segmentId } = command.data;
    const stream = segmentStream(segmentId);
    let state = segmentDecider.initialState();
    let revision: bigint | number | 'no_stream' = 'no_stream';
    try {
      for await (const event of this.eventStore.readStream(stream)) {
        state = segmentDecider.evolve(state, event);
        revision = event.revision;
      }
    } catch {
      // No stream yet.
    }
    const drafts = segmentDecider.decide(command, state);
    const occurredAt = new Date(this.clock.now()).toISOString();
    const events = drafts.map((draft) => newEvent(draft.type, draft.data, occurredAt));
    return (await this.eventStore.appendToStream(stream, events, { expectedRevision: revision as never })).position;
  }

  /** Waits until both workers have applied every event and the audiences worker has nothing left to do by now. */
  async settle(timeoutMs = 10_000): Promise<void> {
    const head = await this.eventStore.headPosition();
    await this.projections.waitUntilCaughtUp(head, { timeoutMs });
    const deadline = Date.now() + timeoutMs;
    while (!(await this.worker.isSettled(head))) {
      if (Date.now() > deadline) throw new Error(`the audiences worker did not settle in ${timeoutMs} ms: ${JSON.stringify(await this.worker.status())}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  async members(segmentId: string): Promise<string[]> {
    const ids: string[] = [];
    for await (const bucket of this.stores.members.buckets(segmentId)) ids.push(...bucket.ids);
    return ids.sort();
  }

  async membershipsOf(customerId: string): Promise<CustomerSegmentsDocument | undefined> {
    return (await this.stores.memberships.get(customerId))?.body;
  }

  async history(customerId: string): Promise<MembershipChange[]> {
    const page = await this.stores.changes.find({ where: [{ field: 'customerId', op: 'eq', value: customerId }], sort: { field: 'at', direction: 'asc' }, limit: 1000 });
    return page.items.map((item) => item.body);
  }
}

function newEvent(type: string, data: object, occurredAt: string): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: eventCatalogue.currentVersion(type),
    data: data as JsonObject,
    metadata: {
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: new Date(occurredAt).toISOString(),
      source: { service: 'test' },
      actor: { kind: 'system', id: 'test' },
    },
  };
}

/** The read store, with every page of audience profiles read through `find` counted (a pass over the customers). */
export function countingProfilePages(store: ReadStore, onPage: () => void): ReadStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'collection') return Reflect.get(target, property, receiver);
      return async (definition: { name: string }, options?: object) => {
        const collection = await target.collection(definition as never, options as never);
        if (definition.name !== 'audience_profiles_v1') return collection;
        return new Proxy(collection, {
          get(inner, name, innerReceiver) {
            const value = Reflect.get(inner, name, innerReceiver);
            if (name !== 'find') return typeof value === 'function' ? value.bind(inner) : value;
            return (...args: unknown[]) => {
              onPage();
              return (value as (...a: unknown[]) => unknown).apply(inner, args);
            };
          },
        });
      };
    },
  });
}

/** The read store, with `beforeWrite` awaited before every write to the collection (it may throw: a failed write). */
export function interceptedWrites(store: ReadStore, collectionName: string, beforeWrite: () => Promise<void>): ReadStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'collection') return Reflect.get(target, property, receiver);
      return async (definition: { name: string }, options?: object) => {
        const collection = await target.collection(definition as never, options as never);
        if (definition.name !== collectionName) return collection;
        return new Proxy(collection, {
          get(inner, name, innerReceiver) {
            const value = Reflect.get(inner, name, innerReceiver);
            if (name !== 'write' && name !== 'bulkReplace') return typeof value === 'function' ? value.bind(inner) : value;
            return async (...args: unknown[]) => {
              await beforeWrite();
              return (value as (...a: unknown[]) => unknown).apply(inner, args);
            };
          },
        });
      };
    },
  });
}
