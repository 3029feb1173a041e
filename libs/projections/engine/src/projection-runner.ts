import { RecordedEvent } from '@cdp/event-model';
import { EventFilter, EventStoreUnavailableError, Position, Subscription, SubscriptionMessage } from '@cdp/event-store';
import { ProjectionCheckpoint, ProjectionFailure, ProjectionState, ReadCollection } from '@cdp/read-store';
import { backoffDelay } from './backoff';
import { closeQuietly } from './close-quietly';
import { describeError } from './describe-error';
import { RetrySleep } from './retry-sleep';
import { BatchDeadline } from './batch-deadline';
import { DocumentCache } from './document-cache';
import { EngineSettings } from './engine-options';
import { eventTypeFilter } from './event-type-filter';
import { absentDocument, DocumentState, foldEvents, planWrite, PoisonEvent, positionBeforePoison, routeEvents } from './fold-batch';
import { laterPosition } from './positions';
import { ProjectionDefinition } from './projection-definition';
import { hasNothingToApplyUpTo, measureLag } from './projection-lag';
import { ProjectionStatus } from './projection-status';
import { RateWindow } from './rate-window';
import { SubscriptionReader, woken } from './subscription-reader';

/**
 * Runs one projection: subscribes from its checkpoint, folds events in batches, writes each batch
 * (position-guarded) and then saves the checkpoint. Any failure of a store is transient: it closes the
 * subscription, waits, and starts again from the saved checkpoint. A failure of the projection itself
 * (evolve, documentIdOf, an upcaster) is a poison event: it stops there, and stays stopped until `retry`.
 */
export class ProjectionRunner {
  readonly name: string;
  private readonly filter: EventFilter;
  private readonly cache: DocumentCache;
  private readonly rate: RateWindow;
  private readonly deadline: BatchDeadline;

  private loop?: Promise<void>;
  private stopping = false;
  private state: ProjectionState = 'stopped';
  /** The checkpoint as last loaded or saved: where a restart resumes. */
  private saved: ProjectionCheckpoint | null = null;
  private collection?: ReadCollection;
  private reader?: SubscriptionReader;
  private batch: RecordedEvent[] = [];
  /** How far the subscription has examined the log beyond the batch (checkpoint and caughtUp messages). */
  private examined: Position | null = null;
  private retries = 0;
  private lastError?: { message: string; at: string };
  private readonly retrySleep = new RetrySleep();

  constructor(
    readonly projection: ProjectionDefinition,
    private readonly settings: EngineSettings,
  ) {
    this.name = projection.name;
    this.filter = eventTypeFilter(projection.eventTypes);
    this.cache = new DocumentCache(settings.documentCacheSize);
    this.rate = new RateWindow(settings.clock);
    this.deadline = new BatchDeadline(settings.maxBatchDelayMs, settings.maxBatchAgeMs, () => this.reader?.wake());
  }

  get running(): boolean {
    return this.loop !== undefined;
  }

  /** Starts from the stored checkpoint, unless that says failed. Does nothing if already running. */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    // Read again: an operator may have changed the checkpoint while this projection was stopped.
    this.saved = null;
    this.state = 'catching-up';
    this.rate.restart();
    this.loop = this.run().finally(() => (this.loop = undefined));
  }

  /** Writes the batch in hand, saves the checkpoint as stopped and closes the subscription. Idempotent. */
  async stop(): Promise<void> {
    const loop = this.loop;
    if (!loop) return;
    this.stopping = true;
    this.reader?.wake();
    this.retrySleep.cancel();
    await loop;
  }

  /** Clears a failure and starts again from the checkpoint, the poison event first. */
  async retry(): Promise<void> {
    await this.stop();
    const checkpoint = await this.settings.readStore.loadCheckpoint(this.name);
    if (checkpoint?.state === 'failed') {
      const { error: _cleared, ...rest } = checkpoint;
      await this.settings.readStore.saveCheckpoint({ ...rest, state: 'catching-up', updatedAt: this.nowIso() });
    }
    this.start();
  }

  /** Drops the collection and the checkpoint, and rebuilds from the first event. */
  async reset(): Promise<void> {
    await this.stop();
    await this.settings.readStore.dropCollection(this.projection.collection.name);
    await this.settings.readStore.deleteCheckpoint(this.name);
    this.collection = undefined;
    this.cache.clear();
    this.start();
  }

  async status(headPosition: Position | null): Promise<ProjectionStatus> {
    const checkpoint = this.saved ?? (this.loop ? null : await this.settings.readStore.loadCheckpoint(this.name).catch(() => null));
    const position = checkpoint?.position ?? null;
    const lag = await measureLag(this.settings.eventStore, this.filter, position, this.settings.lagCountCap, this.settings.clock).catch(
      () => null,
    );
    return {
      name: this.name,
      version: this.projection.version,
      collection: this.projection.collection.name,
      // Not run here (another process does, e.g. the projector beside an API with PROJECTIONS=off): the state that
      // process saved. A process killed with -9 leaves its last state; `updatedAt` tells how old it is.
      state: this.loop ? this.state : (checkpoint?.state ?? 'stopped'),
      position,
      eventsApplied: checkpoint?.eventsApplied ?? 0,
      indexesPending: checkpoint?.indexesPending === true,
      ratePerSecond: this.loop ? this.rate.perSecond() : 0,
      lag,
      headPosition,
      ...(checkpoint?.error && { error: checkpoint.error }),
      ...(this.lastError && { lastError: this.lastError }),
      retries: this.retries,
      updatedAt: checkpoint?.updatedAt ?? null,
    };
  }

  /** True when every event of its types up to `target` is applied and saved, or when it is failed (it will not move). */
  async hasApplied(target: Position): Promise<boolean> {
    if (this.saved?.state === 'failed') return true;
    const checkpoint = this.saved ?? (this.loop ? null : await this.settings.readStore.loadCheckpoint(this.name));
    if (checkpoint?.state === 'failed') return true;
    // Caught up but not yet indexed: not ready to serve.
    if (checkpoint?.indexesPending) return false;
    return hasNothingToApplyUpTo(this.settings.eventStore, this.filter, checkpoint?.position ?? null, target);
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let subscription: Subscription | undefined;
      try {
        const checkpoint = await this.prepare();
        if (checkpoint.state === 'failed') {
          this.state = 'failed';
          return;
        }
        this.state = 'catching-up';
        if (checkpoint.state !== 'catching-up') await this.save({ ...checkpoint, state: 'catching-up', updatedAt: this.nowIso() });
        subscription = this.settings.eventStore.subscribeToAll({ fromPosition: checkpoint.position ?? 'start', filter: this.filter });
        const outcome = await this.consume(subscription);
        if (outcome === 'failed') {
          await closeQuietly(subscription);
          return;
        }
        await this.saveStopped();
        await closeQuietly(subscription);
        return;
      } catch (error) {
        await closeQuietly(subscription);
        this.forgetUnsaved();
        if (this.stopping) break;
        await this.backOff(error);
      }
    }
    await this.saveStopped();
  }

  /** The checkpoint to start from and the collection to write to; both survive a transient failure. */
  private async prepare(): Promise<ProjectionCheckpoint> {
    if (!this.saved) {
      const stored = await this.settings.readStore.loadCheckpoint(this.name);
      const fresh: ProjectionCheckpoint = {
        projection: this.name,
        collection: this.projection.collection.name,
        position: null,
        state: 'catching-up',
        updatedAt: this.nowIso(),
        eventsApplied: 0,
        // Built from the first event: fastest without the secondary indexes, made once it has caught up.
        indexesPending: true,
      };
      const collection = this.projection.collection.name;
      const ofAnotherCollection = stored?.collection !== undefined && stored.collection !== collection;
      if (stored && (ofAnotherCollection || !(await this.settings.readStore.listCollections()).includes(collection))) {
        // A checkpoint of another collection was left by another version or other fold-time rules, and one without its
        // collection by a drop: either way the documents must be built from the first event (onto what the collection
        // holds, if it exists: the position guards skip what its documents have folded). Saved before the collection is
        // created, so that a crash in between cannot pair the old position with the new collection.
        await this.save(fresh);
      }
      this.saved ??= stored ?? fresh;
    }
    if (this.saved.state !== 'failed' && !this.collection) {
      this.collection = await this.settings.readStore.collection(this.projection.collection, { deferIndexes: this.saved.indexesPending === true, writer: true });
    }
    return this.saved;
  }

  private async consume(subscription: Subscription): Promise<'stopped' | 'failed'> {
    const reader = (this.reader = new SubscriptionReader(subscription));
    try {
      for (;;) {
        if (this.stopping) return (await this.flush()) ? 'failed' : 'stopped';
        if (this.deadline.due && (await this.flush())) return 'failed';
        const result = await reader.next();
        if (result === woken) continue;
        if (result.done) throw new EventStoreUnavailableError(`the subscription of projection ${this.name} ended`);
        if (await this.handle(result.value)) return 'failed';
      }
    } finally {
      this.reader = undefined;
      this.deadline.reset();
    }
  }

  /** Takes one message; true when the projection failed on a poison event. */
  private async handle(message: SubscriptionMessage): Promise<boolean> {
    if (message.kind === 'event') {
      this.batch.push(message.event);
      this.deadline.eventAdded(this.batch.length);
      return this.batch.length >= this.settings.maxBatchEvents || this.deadline.due ? this.flush() : false;
    }
    this.examined = laterPosition(this.examined, message.position);
    if (message.kind === 'caughtUp') {
      // Live from here: write what history left in hand now rather than after the idle delay.
      this.state = 'running';
      if (await this.flush()) return true;
      if (this.saved!.indexesPending) await this.createDeferredIndexes();
      return false;
    }
    if (this.batch.length === 0) return this.flush();
    this.deadline.messageSeen();
    return false;
  }

  /** Folds and writes the batch, then saves the checkpoint; true when the batch held a poison event. */
  private async flush(): Promise<boolean> {
    this.deadline.reset();
    const events = this.batch;
    const examined = this.examined;
    this.batch = [];
    this.examined = null;
    const saved = this.saved!;
    if (events.length === 0) {
      const position = laterPosition(saved.position, examined);
      if (position !== saved.position || this.state !== saved.state) {
        await this.save({ ...saved, position, state: this.state, updatedAt: this.nowIso() });
      }
      this.madeProgress();
      return false;
    }

    const { routed, poison: unroutable } = routeEvents(this.projection, events);
    const before = await this.loadDocuments(routed.map((r) => r.documentId));
    const { changed, poison: unfoldable } = foldEvents(this.projection, routed, before);
    // Folding stops at the first event evolve throws on, which comes before any event routing stopped at.
    const poison = unfoldable ?? unroutable;
    const write = planWrite(changed, before);
    if (write.upserts.length > 0 || write.deletes.length > 0) await this.collection!.write(write);
    for (const [id, document] of changed) this.cache.set(id, document);

    const handled = poison ? poison.index : events.length;
    const position = poison
      ? positionBeforePoison(events, poison, saved.position, examined)
      : laterPosition(events[events.length - 1].position, examined);
    const { error: _previous, ...rest } = saved;
    await this.save({
      ...rest,
      position,
      state: poison ? 'failed' : this.state,
      eventsApplied: saved.eventsApplied + handled,
      updatedAt: this.nowIso(),
      ...(poison && { error: this.failureOf(poison) }),
    });
    this.rate.record(handled);
    this.madeProgress();
    if (!poison) return false;
    this.state = 'failed';
    this.settings.onError(poison.error, this.name, { kind: 'poison' });
    return true;
  }

  /** The first build has caught up: its collection gets the indexes it was built without, then serves live. */
  private async createDeferredIndexes(): Promise<void> {
    this.collection = await this.settings.readStore.collection(this.projection.collection, { writer: true });
    const { indexesPending: _done, ...indexed } = this.saved!;
    await this.save({ ...indexed, updatedAt: this.nowIso() });
  }

  /** Each document's state before the batch: from the cache, the rest with one read. */
  private async loadDocuments(documentIds: readonly (string | null)[]): Promise<Map<string, DocumentState>> {
    const states = new Map<string, DocumentState>();
    const seen = new Set<string>();
    const missing: string[] = [];
    for (const id of documentIds) {
      if (id === null || seen.has(id)) continue;
      seen.add(id);
      const cached = this.cache.get(id);
      if (cached) states.set(id, cached);
      else missing.push(id);
    }
    if (missing.length > 0) {
      const found = await this.collection!.getMany(missing);
      for (const id of missing) {
        const document = found.get(id);
        const state: DocumentState = document ? { position: document.position, body: document.body } : absentDocument;
        states.set(id, state);
        this.cache.set(id, state);
      }
    }
    return states;
  }

  private async save(checkpoint: ProjectionCheckpoint): Promise<void> {
    // Every checkpoint written names the collection it was reached in (older ones did not).
    const stamped = { ...checkpoint, collection: this.projection.collection.name };
    await this.settings.readStore.saveCheckpoint(stamped);
    this.saved = stamped;
  }

  /** On stop: the next start resumes from here. A failed projection keeps its failure. */
  private async saveStopped(): Promise<void> {
    const saved = this.saved;
    if (!saved || saved.state === 'failed' || this.state === 'failed') return;
    try {
      await this.save({ ...saved, state: 'stopped', updatedAt: this.nowIso() });
    } catch (error) {
      this.settings.onError(error, this.name, { kind: 'shutdown' });
    }
    this.state = 'stopped';
  }

  /** The stores answer again: the outage is over. */
  private madeProgress(): void {
    this.retries = 0;
    this.lastError = undefined;
  }

  /** After a store failure nothing unsaved can be trusted: the retry reads again from the saved checkpoint. */
  private forgetUnsaved(): void {
    this.batch = [];
    this.examined = null;
    this.deadline.reset();
    this.cache.clear();
  }

  private async backOff(error: unknown): Promise<void> {
    this.retries++;
    this.state = 'catching-up';
    this.lastError = { message: describeError(error), at: this.nowIso() };
    const delay = backoffDelay(this.retries, this.settings.retry);
    this.settings.onError(error, this.name, { kind: 'transient', retryInMs: delay });
    await this.retrySleep.sleep(delay);
  }

  private failureOf(poison: PoisonEvent): ProjectionFailure {
    const { event, error } = poison;
    return {
      eventId: event.eventId,
      eventType: event.type,
      streamId: event.streamId,
      position: event.position,
      message: describeError(error),
      at: this.nowIso(),
    };
  }

  private nowIso(): string {
    return new Date(this.settings.clock.now()).toISOString();
  }
}
