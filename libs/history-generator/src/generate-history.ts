import { Actor, eventCatalogue, EventSource, JsonObject, NewEvent } from '@cdp/event-model';
import { Arrivals } from './arrivals';
import { BusinessClock } from './business-clock';
import { complaintStage, followUp, orderFlag, profileFlag, returnStage } from './customer-table';
import { eventIdOf } from './event-ids';
import { eventTypes, T } from './event-mix';
import { complaintEscalated, complaintOpened, complaintResolved } from './facts/complaints';
import { allConsents, consentGranted, consentWithdrawn } from './facts/consents';
import { identityLinked, maxIdentities } from './facts/identity';
import { interactionRecorded } from './facts/interactions';
import { orderCancelled, orderPlaced, paymentCaptured, refundIssued } from './facts/orders';
import { customerRegistered, partyKindChanged } from './facts/party';
import { onboardingProfile, profileChange } from './facts/profile';
import { returnReceived, returnRefunded, returnRejected, returnRequested } from './facts/returns';
import { dayMs, HistoryContext } from './history-context';
import { historyPlan, HistoryOptions, HistoryPlan } from './history-options';
import { IsoTimeFormatter } from './iso-time';
import { Feasibility, MixBalancer } from './mix-balancer';
import { customerKind, homeCity, homeCountry, kindAtRegistration } from './population';
import { SeededRandom, seedWords } from './seeded-random';
import { TimelineHeap } from './timeline-heap';

// Math's functions are read once: under jest (a vm context) every lookup of a global is slow.
const { min, max, floor, log, pow } = Math;

/** One event of a history, and the party it is about (its stream is `customerStream(customerId)`). */
export interface GeneratedEvent {
  customerId: string;
  event: NewEvent;
}

/** Every event carries the same source and actor: shared, and frozen so no consumer changes them for all. */
const source: EventSource = Object.freeze({ service: 'history-generator' });
const actor: Actor = Object.freeze({ kind: 'system', id: 'history-generator' });
const endOfTime = Number.POSITIVE_INFINITY;
const schemaVersions = eventTypes.map((type) => eventCatalogue.currentVersion(type));

/** Chance that a new party fills in its profile right after signing up. */
const onboardingRate = 0.45;
const cancellationWindowMs = 30 * dayMs;
const returnWindowMs = 90 * dayMs;

/** The id of the `index`-th party (0-based), e.g. `cus-0000042`: at least 7 digits, as many as the largest needs. */
export function customerIdOf(index: number, customers: number): string {
  return partyId(index, idWidth(customers));
}

function idWidth(customers: number): number {
  return max(7, `${customers}`.length);
}

function partyId(index: number, width: number): string {
  const digits = `${index + 1}`;
  return `cus-${zeros[width - digits.length] ?? ''}${digits}`;
}
const zeros = Array.from({ length: 17 }, (_, i) => '0'.repeat(i));

/**
 * A seeded, realistic history of `events` events about `customers` parties, in business-time order
 * across parties (interleaved, as ingestion sees them), each party's events a valid sequence for the
 * customer decider: registered first, returns of products it ordered, a complaint resolved after it was
 * opened… The mix is `historyEventMix`. Lazy, and in constant memory per event: only per-party state
 * (about 80 bytes a party) is kept, never the events. Business time has seasons, weekdays and office hours.
 */
export function* generateHistory(options: HistoryOptions): Generator<GeneratedEvent, void, undefined> {
  const history = new HistoryEngine(historyPlan(options));
  for (let index = 0; index < history.plan.events; index++) yield history.next(index);
  history.checkComplete();
}

class HistoryEngine implements Feasibility {
  private readonly ctx: HistoryContext;
  private readonly idKey: [number, number, number, number];
  private readonly arrivals: Arrivals;
  private readonly heap: TimelineHeap;
  private readonly balancer: MixBalancer;
  private readonly random: SeededRandom;
  private readonly iso = new IsoTimeFormatter();
  private readonly clock: BusinessClock;
  private readonly idWidth: number;
  /** The next party to register, -1 once all have. */
  private arrival = -1;
  /** The party and (even) time canRecord answers for. */
  private party = 0;
  private time = 0;
  /** Set by register and build: the business time of the event being made, in ISO 8601. */
  private occurredAt = '';

  constructor(readonly plan: HistoryPlan) {
    const words = seedWords(plan.seed);
    this.idKey = seedWords(`${plan.seed}/event-ids`);
    this.random = new SeededRandom(words);
    this.ctx = new HistoryContext(plan, words[0], this.random);
    this.arrivals = new Arrivals(words[1], plan.customers, plan.events, plan.fromMs, plan.toMs);
    this.heap = new TimelineHeap(plan.customers);
    this.balancer = new MixBalancer(this.random);
    this.arrival = this.arrivals.next();
    this.idWidth = idWidth(plan.customers);
    this.clock = new BusinessClock(plan.fromMs, plan.toMs);
  }

  next(index: number): GeneratedEvent {
    const { table } = this.ctx;
    const heap = this.heap;
    const due = heap.size > 0 ? heap.topTime() : endOfTime;
    let party: number;
    let time: number;
    let type: number;
    let data: JsonObject;
    if (this.arrival >= 0 && this.arrivals.time <= due) {
      party = this.arrival;
      time = this.arrivals.time;
      type = T.registered;
      data = this.register(party, time, this.arrivals.events);
      this.arrival = this.arrivals.hasNext ? this.arrivals.next() : -1;
    } else {
      if (heap.size === 0) throw new Error('history generator: no party has an event left before the last one (a bug)');
      party = heap.topParty();
      time = due;
      type = this.typeFor(party, time);
      data = this.build(type, party, time);
      const remaining = --table.remaining[party];
      if (remaining > 0) {
        heap.replaceTop(this.nextTime(party, time, remaining));
      } else {
        heap.pop();
      }
    }
    const eventId = eventIdOf(this.idKey, index);
    const event: NewEvent = {
      eventId,
      type: eventTypes[type],
      schemaVersion: schemaVersions[type],
      data,
      metadata: { correlationId: correlationOf(data, eventId), causationId: eventId, occurredAt: this.occurredAt, source, actor },
    };
    return { customerId: partyId(party, this.idWidth), event };
  }

  checkComplete(): void {
    if (this.arrival >= 0 || this.heap.size > 0) throw new Error('history generator: events left over after the last one (a bug)');
  }

  private register(party: number, time: number, events: number): JsonObject {
    const { table, key } = this.ctx;
    this.occurredAt = this.iso.format(this.clock.businessTime(time));
    table.kind[party] = kindAtRegistration(key, party);
    const country = homeCountry(key, party);
    table.country[party] = country;
    table.city[party] = homeCity(key, party, country);
    table.remaining[party] = events - 1;
    if (events > 1) {
      if (this.random.chance(onboardingRate)) table.followUp[party] = followUp.onboardingProfile;
      this.heap.push(party, this.nextTime(party, time, events - 1));
    }
    return customerRegistered(this.ctx, party);
  }

  /** The party's next event: minutes later when something follows at once, else spread over the time left. */
  private nextTime(party: number, time: number, remaining: number): number {
    const last = this.plan.toMs - 1;
    const follow = this.ctx.table.followUp[party];
    if (follow !== followUp.none) {
      const meanMs = follow === followUp.payment ? 180_000 : 300_000;
      return min(last, time + 2_000 + floor(-log(this.random.nextPositive()) * meanMs));
    }
    // The first of `remaining` sorted uniform times in (time, last].
    return time + floor((last - time) * (1 - pow(this.random.nextPositive(), 1 / remaining)));
  }

  private typeFor(party: number, time: number): number {
    const { table } = this.ctx;
    this.party = party;
    this.time = time;
    const follow = table.followUp[party];
    if (follow !== followUp.none) {
      table.followUp[party] = followUp.none;
      const type = follow === followUp.payment ? T.paymentCaptured : T.profileUpdated;
      if (this.canRecord(type)) {
        this.balancer.recordForced(type);
        return type;
      }
    }
    return this.balancer.choose(this);
  }

  canRecord(type: number): boolean {
    const { table } = this.ctx;
    const party = this.party;
    switch (type) {
      case T.profileUpdated:
      case T.interaction:
        return true;
      case T.identityLinked:
        return table.identities[party] < maxIdentities;
      case T.partyKindChanged:
        return table.kind[party] !== customerKind;
      case T.orderPlaced:
        return table.kind[party] === customerKind;
      case T.orderCancelled:
        return (
          table.lastOrder[party] >= 0 &&
          (table.orderFlags[party] & (orderFlag.cancelled | orderFlag.returned)) === 0 &&
          this.time - table.lastOrderTime[party] < cancellationWindowMs
        );
      case T.paymentCaptured:
        return table.lastOrder[party] >= 0 && (table.orderFlags[party] & (orderFlag.paid | orderFlag.cancelled)) === 0;
      case T.refundIssued:
        return table.lastOrder[party] >= 0 && (table.orderFlags[party] & (orderFlag.paid | orderFlag.refunded)) === orderFlag.paid;
      case T.returnRequested:
        return (
          table.lastOrder[party] >= 0 &&
          (table.orderFlags[party] & (orderFlag.cancelled | orderFlag.returned)) === 0 &&
          table.returnStage[party] === returnStage.none &&
          this.time - table.lastOrderTime[party] < returnWindowMs
        );
      case T.returnReceived:
        return table.returnStage[party] === returnStage.requested;
      case T.returnRefunded:
      case T.returnRejected:
        return table.returnStage[party] === returnStage.received;
      case T.complaintOpened:
        return table.complaintStage[party] === complaintStage.none;
      case T.complaintEscalated:
        return table.complaintStage[party] === complaintStage.opened;
      case T.complaintResolved:
        return table.complaintStage[party] !== complaintStage.none;
      case T.consentGranted:
        return table.consents[party] !== allConsents;
      case T.consentWithdrawn:
        return table.consents[party] !== 0;
      default:
        return false;
    }
  }

  private build(type: number, party: number, time: number): JsonObject {
    const ctx = this.ctx;
    const occurredAt = (this.occurredAt = this.iso.format(this.clock.businessTime(time)));
    switch (type) {
      case T.profileUpdated:
        return ctx.table.profileFlags[party] & profileFlag.onboarded ? profileChange(ctx, party) : onboardingProfile(ctx, party);
      case T.identityLinked:
        return identityLinked(ctx, party);
      case T.partyKindChanged:
        return partyKindChanged(ctx, party);
      case T.interaction:
        return interactionRecorded(ctx, party, occurredAt);
      case T.orderPlaced:
        return orderPlaced(ctx, party, time);
      case T.orderCancelled:
        return orderCancelled(ctx, party);
      case T.paymentCaptured:
        return paymentCaptured(ctx, party);
      case T.refundIssued:
        return refundIssued(ctx, party);
      case T.returnRequested:
        return returnRequested(ctx, party);
      case T.returnReceived:
        return returnReceived(ctx, party);
      case T.returnRefunded:
        return returnRefunded(ctx, party);
      case T.returnRejected:
        return returnRejected(ctx, party);
      case T.complaintOpened:
        return complaintOpened(ctx, party);
      case T.complaintEscalated:
        return complaintEscalated(ctx, party);
      case T.complaintResolved:
        return complaintResolved(ctx, party);
      case T.consentGranted:
        return consentGranted(ctx, party);
      case T.consentWithdrawn:
        return consentWithdrawn(ctx, party);
      default:
        throw new Error(`history generator: no builder for type code ${type}`);
    }
  }
}

/**
 * An order, a return or a complaint is one flow: its events share the flow's id as correlation id (a return
 * or a complaint about an order is a flow of its own).
 */
function correlationOf(data: JsonObject, eventId: string): string {
  const flow = data.returnId ?? data.complaintId ?? data.orderId;
  return typeof flow === 'string' ? flow : eventId;
}
