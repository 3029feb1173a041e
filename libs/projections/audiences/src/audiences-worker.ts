import { customer360EventTypes } from '@cdp/customer-360';
import { eventCatalogue, parseStreamName, RecordedEvent } from '@cdp/event-model';
import { EventStore, EventStoreUnavailableError, Position, Subscription, SubscriptionMessage } from '@cdp/event-store';
import {
  backoffDelay,
  BatchDeadline,
  closeQuietly,
  describeError,
  RetrySleep,
  Clock,
  EngineErrorListener,
  eventTypeFilter,
  laterPosition,
  measureLag,
  RateWindow,
  SubscriptionReader,
  systemClock,
  woken,
} from '@cdp/projection-engine';
import { ProjectionCheckpoint, ProjectionFailure, ProjectionState, ReadStore } from '@cdp/read-store';
import { emptySuppressionLog } from '@cdp/campaigns';
import { ChangeCause, defaultSegmentRules, earliestHorizon, EvaluatedSegment, evaluateMemberships, Horizons, segmentEventTypes, subjectFactsOf } from '@cdp/segments';
import { isDeepStrictEqual } from 'node:util';
import { audienceProfilesCollection, audiencesProjectionName } from './audience-collections';
import { AudienceFlush } from './audience-flush';
import { AudienceProfile, emptyAudienceProfile, evolveAudienceProfile } from './audience-profile';
import { AudienceStores } from './audience-stores';
import { AudiencesStatus } from './audiences-status';
import { AudiencesWorkerOptions } from './audiences-worker-options';
import { CustomerSegmentsDocument, noSegments } from './customer-segments-document';
import { PendingWrites } from './pending-writes';
import { plaintextFieldsOnly, PersonalFieldsOpener } from './personal-fields-opener';
import { postingChanges } from './posting-changes';
import { SegmentDocument } from './segment-document';
import { SegmentRegistry } from './segment-registry';
import { upstreamHasApplied } from './upstream-progress';

const beforeFirstEvent = '0'.repeat(20);

class StoppedError extends Error {}

/** Evaluating a customer threw: a fault of the code or the data, which no retry mends. */
class UndecidableCustomerError extends Error {
  constructor(
    readonly customerId: string,
    cause: unknown,
  ) {
    super(`customer ${customerId} could not be evaluated: ${describeError(cause)}`, { cause });
  }
}

/**
 * Keeps the read models campaigns' audiences come from, in one loop over the event store:
 * - each customer event folds the customer's behaviour and suppression logs, copies the facts of the 360° view (once
 *   that projection has applied the event), and re-evaluates the customer against every active segment;
 * - each segment event updates the segment; a new or redefined one is then evaluated over every customer, a page
 *   at a time between batches, while live evaluation goes on;
 * - customers due (a window closing, a birthday, a lifecycle date: each evaluation says when) are re-evaluated when
 *   their time comes, with no event.
 * Decisions are written in this order: published (Kafka), history, member sets, postings, memberships, profiles,
 * checkpoint. A crash anywhere decides the same again from the last checkpoint, with the same change ids.
 */
export class AudiencesWorker {
  private readonly eventStore: EventStore;
  private readonly readStore: ReadStore;
  private readonly clock: Clock;
  private readonly registry: SegmentRegistry;
  private readonly pending = new PendingWrites();
  private readonly openPersonalFields: PersonalFieldsOpener;
  private readonly upstream: string;
  private readonly settings: Required<
    Pick<AudiencesWorkerOptions, 'maxBatchEvents' | 'maxBatchAgeMs' | 'maxBatchDelayMs' | 'dueCheckIntervalMs' | 'customersPerPass' | 'evaluationFlushCustomers'>
  >;
  private readonly retry: { initialDelayMs: number; maxDelayMs: number };
  private readonly onError: EngineErrorListener;
  private readonly deadline: BatchDeadline;
  private readonly rate: RateWindow;
  private readonly filter = eventTypeFilter([...customer360EventTypes, ...segmentEventTypes]);

  private stores?: AudienceStores;
  private flusher?: AudienceFlush;
  private loop?: Promise<void>;
  private reader?: SubscriptionReader;
  private stopping = false;
  private state: ProjectionState = 'stopped';
  private checkpoint: ProjectionCheckpoint | null = null;
  private batch: RecordedEvent[] = [];
  private examined: Position | null = null;
  private nextDueCheck = 0;
  private dueBacklog = false;
  private tick?: ReturnType<typeof setTimeout>;
  private readonly retrySleep = new RetrySleep();
  private retries = 0;
  private lastError?: { message: string; at: string };
  private failure?: ProjectionFailure;
  /** A batch or a pass of housekeeping is being decided or written. */
  private busy = false;

  constructor(private readonly options: AudiencesWorkerOptions) {
    this.eventStore = options.eventStore;
    this.readStore = options.readStore;
    this.clock = options.clock ?? systemClock;
    this.registry = new SegmentRegistry(options.segmentRules ?? defaultSegmentRules);
    this.openPersonalFields = options.openPersonalFields ?? plaintextFieldsOnly;
    this.upstream = options.customer360Projection ?? 'customer-360';
    this.settings = {
      maxBatchEvents: options.maxBatchEvents ?? 1000,
      maxBatchAgeMs: options.maxBatchAgeMs ?? 100,
      maxBatchDelayMs: options.maxBatchDelayMs ?? 5,
      dueCheckIntervalMs: options.dueCheckIntervalMs ?? 1000,
      customersPerPass: options.customersPerPass ?? 500,
      evaluationFlushCustomers: options.evaluationFlushCustomers ?? 20_000,
    };
    this.retry = { initialDelayMs: options.retry?.initialDelayMs ?? 100, maxDelayMs: options.retry?.maxDelayMs ?? 30_000 };
    this.onError = options.onError ?? (() => undefined);
    this.deadline = new BatchDeadline(this.settings.maxBatchDelayMs, this.settings.maxBatchAgeMs, () => this.reader?.wake());
    this.rate = new RateWindow(this.clock);
  }

  get running(): boolean {
    return this.loop !== undefined;
  }

  /** Starts from the saved checkpoint and returns at once; catching up goes on in the background. */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.state = 'catching-up';
    this.rate.restart();
    this.loop = this.run().finally(() => (this.loop = undefined));
  }

  /** Writes what is decided and saves the checkpoint as stopped. Idempotent. */
  async stop(): Promise<void> {
    const loop = this.loop;
    if (!loop) return;
    this.stopping = true;
    this.reader?.wake();
    this.retrySleep.cancel();
    await loop;
  }

  async status(): Promise<AudiencesStatus> {
    const checkpoint = this.checkpoint ?? (await this.readStore.loadCheckpoint(audiencesProjectionName).catch(() => null));
    const head = await this.eventStore.headPosition().catch(() => null);
    const lag = await measureLag(this.eventStore, this.filter, checkpoint?.position ?? null, 100_000, this.clock).catch(() => null);
    return {
      name: audiencesProjectionName,
      version: 1,
      collection: audienceProfilesCollection.name,
      state: this.loop ? this.state : (checkpoint?.state ?? 'stopped'),
      position: checkpoint?.position ?? null,
      eventsApplied: checkpoint?.eventsApplied ?? 0,
      indexesPending: false,
      ratePerSecond: this.loop ? this.rate.perSecond() : 0,
      lag,
      headPosition: head,
      ...(checkpoint?.error && { error: checkpoint.error }),
      ...(this.lastError && { lastError: this.lastError }),
      retries: this.retries,
      updatedAt: checkpoint?.updatedAt ?? null,
    };
  }

  /** True once every event up to `target` is folded and written, no segment awaits evaluation and nothing is due by now. */
  async isSettled(target: Position | null): Promise<boolean> {
    if (this.state === 'failed') return true;
    if (this.busy) return false;
    const position = this.checkpoint?.position ?? null;
    if (target !== null && (position === null || position < target)) {
      const caughtUp = this.state === 'running' && this.batch.length === 0 && (await this.nothingBetween(position, target));
      if (!caughtUp) return false;
    }
    if (this.registry.evaluating().length > 0 || this.pending.size > 0 || this.dueBacklog) return false;
    const stores = this.stores;
    if (!stores) return false;
    const due = await stores.memberships.find({ where: [{ field: 'nextCheckAt', op: 'lte', value: this.nowIso() }], limit: 1 });
    return due.items.length === 0;
  }

  private async nothingBetween(position: Position | null, target: Position): Promise<boolean> {
    for await (const event of this.eventStore.readAll({ fromPosition: position ?? 'start', filter: this.filter, maxCount: 2 })) {
      if (position !== null && event.position <= position) continue;
      return event.position > target;
    }
    return true;
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
        subscription = this.eventStore.subscribeToAll({ fromPosition: checkpoint.position ?? 'start', filter: this.filter });
        await this.consume(subscription);
        await closeQuietly(subscription);
        if (this.state !== 'failed') await this.saveCheckpoint('stopped');
        return;
      } catch (error) {
        await closeQuietly(subscription);
        this.forgetUnsaved();
        if (this.stopping || error instanceof StoppedError) break;
        await this.backOff(error);
      }
    }
    if (this.state !== 'failed') await this.saveCheckpoint('stopped').catch((error: unknown) => this.onError(error, audiencesProjectionName, { kind: 'shutdown' }));
  }

  /** Opens the read models, and loads the checkpoint and the segments: everything decided since is decided again. */
  private async prepare(): Promise<ProjectionCheckpoint> {
    this.stores = await AudienceStores.open(this.readStore, this.options.customer360Collection, 'writer');
    this.flusher = new AudienceFlush(this.stores, this.options.sink, this.clock);
    const stored = await this.readStore.loadCheckpoint(audiencesProjectionName);
    this.checkpoint = stored ?? {
      projection: audiencesProjectionName,
      collection: audienceProfilesCollection.name,
      position: null,
      state: 'catching-up',
      updatedAt: this.nowIso(),
      eventsApplied: 0,
    };
    const segments: SegmentDocument[] = [];
    for await (const document of this.stores.segments.stream({})) segments.push(document.body);
    this.registry.load(segments);
    await this.flusher.loadSizes(segments.map((document) => document.segment.segmentId));
    // Changes decided before a crash or a failure, not yet published and applied: first.
    await this.flusher.applyUnappliedChanges(this.checkpoint.position ?? beforeFirstEvent);
    this.state = this.checkpoint.state === 'failed' ? 'failed' : 'catching-up';
    this.nextDueCheck = 0;
    return this.checkpoint;
  }

  private async consume(subscription: Subscription): Promise<void> {
    const reader = (this.reader = new SubscriptionReader(subscription));
    // After a pass of housekeeping the reader is asked first: events waiting are never held up by an evaluation.
    let housekeptLast = false;
    try {
      for (;;) {
        if (this.stopping) {
          await this.flushBatch();
          return;
        }
        if (this.deadline.due) await this.flushBatch();
        if (this.state === 'failed') return;
        if (this.batch.length === 0 && !housekeptLast && (await this.whileBusy(() => this.housekeeping()))) {
          housekeptLast = true;
          continue;
        }
        housekeptLast = false;
        this.armTick();
        const result = await reader.next();
        if (result === woken) continue;
        if (result.done) throw new EventStoreUnavailableError('the subscription of the audiences worker ended');
        await this.handle(result.value);
      }
    } finally {
      clearTimeout(this.tick);
      this.reader = undefined;
      this.deadline.reset();
    }
  }

  private async handle(message: SubscriptionMessage): Promise<void> {
    if (message.kind === 'event') {
      this.batch.push(message.event);
      this.deadline.eventAdded(this.batch.length);
      if (this.batch.length >= this.settings.maxBatchEvents || this.deadline.due) await this.flushBatch();
      return;
    }
    this.examined = laterPosition(this.examined, message.position);
    if (message.kind === 'caughtUp') {
      this.state = 'running';
      await this.flushBatch();
      return;
    }
    if (this.batch.length === 0) await this.flushBatch();
    else this.deadline.messageSeen();
  }

  /** Wakes the reader for the next pass of housekeeping: at once while a segment awaits evaluation, else at the next due check. */
  private armTick(): void {
    clearTimeout(this.tick);
    if (this.state !== 'running') return;
    const delay = this.registry.evaluating().length > 0 || this.dueBacklog ? 0 : Math.max(0, this.nextDueCheck - performance.now());
    this.tick = setTimeout(() => this.reader?.wake(), delay);
  }

  /** One pass of the work that comes without events, once caught up; true when it did something. */
  private async housekeeping(): Promise<boolean> {
    if (this.state !== 'running') return false;
    if (this.dueBacklog || performance.now() >= this.nextDueCheck) {
      this.nextDueCheck = performance.now() + this.settings.dueCheckIntervalMs;
      if (await this.reevaluateDueCustomers()) return true;
    }
    const evaluating = this.registry.evaluating();
    if (evaluating.length === 0) return false;
    // Segments defined together are at the same place: one pass over the customers evaluates them all.
    const cursor = evaluating[0].evaluation.cursor;
    await this.evaluateSegmentsPage(evaluating.filter((document) => document.evaluation.cursor === cursor));
    return true;
  }

  /** Folds, decides and writes the batch in hand, then saves the checkpoint. */
  private flushBatch(): Promise<void> {
    return this.whileBusy(() => this.writeBatch());
  }

  private async whileBusy<T>(work: () => Promise<T>): Promise<T> {
    this.busy = true;
    try {
      return await work();
    } finally {
      this.busy = false;
    }
  }

  private async writeBatch(): Promise<void> {
    this.deadline.reset();
    const events = this.batch;
    const examined = this.examined;
    this.batch = [];
    this.examined = null;
    const saved = this.checkpoint as ProjectionCheckpoint;
    if (events.length === 0) {
      const position = laterPosition(saved.position, examined);
      if (position !== saved.position || this.state !== saved.state) await this.saveCheckpoint(this.state, position);
      return;
    }
    const applied = await this.applyEvents(events);
    const position = laterPosition(events[applied - 1]?.position ?? saved.position, applied === events.length ? examined : null);
    this.rate.record(applied);
    await this.saveCheckpoint(this.state === 'failed' ? 'failed' : this.state, position, applied);
  }

  /** Folds and decides the events (upcast), writes the decisions; returns how many were applied (fewer when one is poison). */
  private async applyEvents(recorded: readonly RecordedEvent[]): Promise<number> {
    const stores = this.stores as AudienceStores;
    const byCustomer = new Map<string, RecordedEvent[]>();
    const changedSegments: SegmentDocument[] = [];
    let applied = 0;
    for (const raw of recorded) {
      let event: RecordedEvent;
      try {
        event = eventCatalogue.upcast(raw);
        const stream = parseStreamName(event.streamId);
        if (stream?.category === 'segment') {
          const changed = this.registry.apply(event);
          if (changed) changedSegments.push(changed);
        } else if (stream?.category === 'customer') {
          const events = byCustomer.get(stream.id);
          if (events) events.push(event);
          else byCustomer.set(stream.id, [event]);
        }
      } catch (error) {
        this.fail(raw, error);
        break;
      }
      applied++;
    }
    if (byCustomer.size > 0) {
      const last = recorded[applied - 1] ?? recorded[recorded.length - 1];
      await this.waitForUpstream(lastCustomerPosition(byCustomer) ?? last.position);
      const poison = await this.decideForEvents(stores, byCustomer);
      if (poison) {
        // Nothing of this batch is written: the checkpoint stays before it, and the worker stops on the poison event.
        this.pending.take(byCustomer.keys());
        this.fail(poison.event, poison.error);
        return 0;
      }
    }
    // A segment event writes every pending decision, with every evaluation's progress: an archived or redefined
    // segment's pending decisions are never left behind, nor published later.
    const everything = changedSegments.length > 0;
    const segments = everything ? [...new Map([...this.registry.evaluating(), ...changedSegments].map((document) => [document.segment.segmentId, document])).values()] : [];
    await this.flusher!.flush(everything ? this.pending.take() : this.pending.take(byCustomer.keys()), recorded[applied - 1]?.position ?? this.stamp(), segments);
    return applied;
  }

  private async decideForEvents(
    stores: AudienceStores,
    byCustomer: Map<string, RecordedEvent[]>,
  ): Promise<{ event: RecordedEvent; error: unknown } | undefined> {
    const ids = [...byCustomer.keys()];
    const [profiles, views, memberships] = await Promise.all([
      stores.profiles.getMany(ids),
      stores.customer360.getMany(ids),
      this.membershipsOf(ids),
    ]);
    const now = this.clock.now();
    const segments = this.registry.active();
    for (const [customerId, events] of byCustomer) {
      const stored = profiles.get(customerId);
      let profile = stored?.body ?? emptyAudienceProfile(customerId);
      let position = stored?.position ?? null;
      for (const event of events) {
        if (position !== null && event.position <= position) continue;
        try {
          profile = evolveAudienceProfile(profile, event);
        } catch (error) {
          return { event, error };
        }
        position = event.position;
      }
      const last = events[events.length - 1];
      try {
        const view = views.get(customerId);
        if (view) profile = { ...profile, facts: subjectFactsOf(view.body) };
        if (position !== null && position !== stored?.position) {
          const before = stored?.body.suppression ?? emptySuppressionLog();
          this.pending.recordProfile({ id: customerId, position, body: profile }, postingChanges(customerId, before, profile.suppression));
        }
        await this.decide(profile, memberships.get(customerId) ?? noSegments(customerId), segments, now, { kind: 'event', position: last.position, eventId: last.eventId });
      } catch (error) {
        // The code, not a store, could not decide on this customer: their last event stops the worker, named.
        if (error instanceof UndecidableCustomerError) return { event: last, error: error.cause };
        throw error;
      }
    }
    return undefined;
  }

  /**
   * Evaluates the customer against the segments, and records the decision with the next moment to look again. With
   * `onlyThese`, the other active segments' horizons are kept (an evaluation of new segments); else every active
   * segment was evaluated, and an archived one's horizon goes.
   */
  private async decide(
    profile: AudienceProfile,
    current: CustomerSegmentsDocument,
    segments: readonly EvaluatedSegment[],
    now: number,
    cause: ChangeCause,
    onlyThese = false,
  ): Promise<void> {
    // The opener fails only when the key store cannot be reached: a store's failure, retried.
    const personal = this.registry.needsPersonalFields ? await this.openPersonalFields(profile.customerId, profile.facts.sealed) : {};
    const subject = { customerId: profile.customerId, facts: profile.facts, behaviour: profile.behaviour, personal };
    let decision: ReturnType<typeof evaluateMemberships>;
    try {
      decision = evaluateMemberships(subject, segments, current.segments, now, cause, current.horizons);
    } catch (error) {
      throw new UndecidableCustomerError(profile.customerId, error);
    }
    const horizons = onlyThese ? { ...otherHorizons(current.horizons, segments, this.registry.active()), ...decision.horizons } : decision.horizons;
    const nextCheckAt = earliestHorizon(horizons);
    const unchanged =
      decision.changes.length === 0 && nextCheckAt === current.nextCheckAt && sameVersions(current, decision.memberships) && isDeepStrictEqual(horizons, current.horizons ?? {});
    if (unchanged && this.pending.membershipsOf(profile.customerId) === undefined) return;
    const decided: CustomerSegmentsDocument = { customerId: profile.customerId, segments: decision.memberships, nextCheckAt };
    if (Object.keys(horizons).length > 0) decided.horizons = horizons;
    this.pending.recordMemberships(decided, decision.changes);
  }

  /** Customers whose time has come (nextCheckAt at or before now), a pass at a time; true when it found any. */
  private async reevaluateDueCustomers(): Promise<boolean> {
    const stores = this.stores as AudienceStores;
    const nowIso = this.nowIso();
    const due = await stores.memberships.find({
      where: [{ field: 'nextCheckAt', op: 'lte', value: nowIso }],
      sort: { field: 'nextCheckAt', direction: 'asc' },
      limit: this.settings.customersPerPass,
    });
    this.dueBacklog = due.nextCursor !== null;
    if (due.items.length === 0) return false;
    const ids = due.items.map((item) => item.id);
    const profiles = await stores.profiles.getMany(ids);
    const now = this.clock.now();
    const segments = this.registry.active();
    for (const { id, body } of due.items) {
      const current = this.pending.membershipsOf(id) ?? body;
      if (current.nextCheckAt === null || current.nextCheckAt > nowIso) continue;
      const profile = profiles.get(id)?.body ?? emptyAudienceProfile(id);
      await this.decide(profile, current, segments, now, { kind: 'time', dueAt: current.nextCheckAt });
    }
    await this.flusher!.flush(this.pending.take(ids), this.stamp(), []);
    return true;
  }

  /**
   * One page of the evaluation of new or redefined segments over every customer, in customer id order: the segments
   * share the page's cursor, so customers are read once for all of them.
   */
  private async evaluateSegmentsPage(documents: readonly SegmentDocument[]): Promise<void> {
    const stores = this.stores as AudienceStores;
    const segments = documents.flatMap((document) => {
      const compiled = this.registry.compiledOf(document.segment.segmentId);
      return compiled ? [{ document, compiled }] : [];
    });
    if (segments.length === 0) return;
    const cursor = segments[0].document.evaluation.cursor;
    const total = segments[0].document.evaluation.total ?? (await stores.profiles.count());
    const page = await stores.profiles.find({ limit: this.settings.customersPerPass, ...(cursor === null ? {} : { after: cursor }) });
    const stored = await this.membershipsOf(page.items.map((item) => item.id));
    const now = this.clock.now();
    for (const { id, body } of page.items) {
      for (const { document, compiled } of segments) {
        // Each decision starts from the one before it: the pending one, once a first segment changed something.
        const current = this.pending.membershipsOf(id) ?? stored.get(id) ?? noSegments(id);
        await this.decide(body, current, [compiled], now, { kind: 'definition', version: document.segment.version }, true);
      }
    }
    const done = page.nextCursor === null;
    const updated = segments.map(({ document }): SegmentDocument => {
      const evaluated = document.evaluation.evaluated + page.items.length;
      const evaluation = { ...document.evaluation, total: document.evaluation.total ?? total, evaluated, cursor: page.nextCursor ?? document.evaluation.cursor };
      return done
        ? { ...document, status: 'active', evaluation: { ...evaluation, finishedAt: this.nowIso(), total: Math.max(evaluation.total ?? 0, evaluated) } }
        : { ...document, evaluation };
    });
    for (const document of updated) this.registry.update(document);
    // The cursor is saved with every decision before it: a restart resumes there and decides nothing twice.
    if (done || this.pending.size >= this.settings.evaluationFlushCustomers) await this.flusher!.flush(this.pending.take(), this.stamp(), updated);
  }

  /** Memberships as last decided: what is pending first, else what is stored. */
  private async membershipsOf(ids: readonly string[]): Promise<Map<string, CustomerSegmentsDocument>> {
    const found = new Map<string, CustomerSegmentsDocument>();
    const missing: string[] = [];
    for (const id of ids) {
      const pending = this.pending.membershipsOf(id);
      if (pending) found.set(id, pending);
      else missing.push(id);
    }
    if (missing.length > 0) for (const [id, document] of await this.stores!.memberships.getMany(missing)) found.set(id, document.body);
    return found;
  }

  private async waitForUpstream(target: Position): Promise<void> {
    for (let waited = 0; !(await upstreamHasApplied(this.readStore, this.upstream, target)); waited++) {
      if (this.stopping) throw new StoppedError('stopped while waiting for the 360° view');
      await new Promise((resolve) => setTimeout(resolve, waited < 100 ? 5 : 50));
    }
  }

  private async saveCheckpoint(state: ProjectionState, position: Position | null = this.checkpoint?.position ?? null, applied = 0): Promise<void> {
    const saved = this.checkpoint as ProjectionCheckpoint;
    const { error: _previous, ...rest } = saved;
    const checkpoint: ProjectionCheckpoint = {
      ...rest,
      collection: audienceProfilesCollection.name,
      position,
      state,
      eventsApplied: saved.eventsApplied + applied,
      updatedAt: this.nowIso(),
      ...(state === 'failed' && this.failure && { error: this.failure }),
    };
    await this.readStore.saveCheckpoint(checkpoint);
    this.checkpoint = checkpoint;
    this.retries = 0;
    this.lastError = undefined;
  }

  private fail(event: RecordedEvent, error: unknown): void {
    this.state = 'failed';
    this.failure = { eventId: event.eventId, eventType: event.type, streamId: event.streamId, position: event.position, message: describeError(error), at: this.nowIso() };
    this.onError(error, audiencesProjectionName, { kind: 'poison' });
  }

  private forgetUnsaved(): void {
    this.batch = [];
    this.examined = null;
    this.deadline.reset();
    this.pending.clear();
  }

  private async backOff(error: unknown): Promise<void> {
    this.retries++;
    this.state = 'catching-up';
    this.lastError = { message: describeError(error), at: this.nowIso() };
    const delay = backoffDelay(this.retries, this.retry);
    this.onError(error, audiencesProjectionName, { kind: 'transient', retryInMs: delay });
    await this.retrySleep.sleep(delay);
  }

  /** The position written on documents decided without an event: the checkpoint's. */
  private stamp(): string {
    return this.checkpoint?.position ?? beforeFirstEvent;
  }

  private nowIso(): string {
    return new Date(this.clock.now()).toISOString();
  }
}

function lastCustomerPosition(byCustomer: Map<string, RecordedEvent[]>): Position | undefined {
  let last: Position | undefined;
  for (const events of byCustomer.values()) {
    const position = events[events.length - 1].position;
    if (last === undefined || position > last) last = position;
  }
  return last;
}

/** The horizons of the active segments other than those just evaluated. */
function otherHorizons(horizons: Horizons | undefined, evaluated: readonly EvaluatedSegment[], active: readonly EvaluatedSegment[]): Horizons {
  const kept: Horizons = {};
  const skip = new Set(evaluated.map((segment) => segment.segmentId));
  for (const { segmentId } of active) if (!skip.has(segmentId) && horizons?.[segmentId] !== undefined) kept[segmentId] = horizons[segmentId];
  return kept;
}

function sameVersions(current: CustomerSegmentsDocument, next: CustomerSegmentsDocument['segments']): boolean {
  for (const [segmentId, membership] of Object.entries(next)) if (current.segments[segmentId]?.version !== membership.version) return false;
  return true;
}
