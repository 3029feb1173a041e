import { EventStore } from '@cdp/event-store';
import { ReadStore } from '@cdp/read-store';
import { BackoffOptions } from './backoff';

/** Milliseconds since the epoch: the engine's only notion of "now" (lag, rate, time stamps). */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** What the engine says about a failure, beside the error and the projection's name; the host decides how to log it. */
export interface EngineErrorContext {
  /**
   * `transient`: a store failed, the projection retries after `retryInMs`;
   * `poison`: the projection cannot fold an event and stops on it (its status names the event);
   * `shutdown`: the final checkpoint could not be saved on stop (the next start resumes from the previous one).
   */
  kind: 'transient' | 'poison' | 'shutdown';
  retryInMs?: number;
}

export type EngineErrorListener = (error: unknown, projection: string, context: EngineErrorContext) => void;

export interface ProjectionEngineOptions {
  eventStore: EventStore;
  readStore: ReadStore;
  /** Events per batch at most (one getMany, one write, one checkpoint per batch). Default 2,000. */
  maxBatchEvents?: number;
  /** A partial batch is written after this long without a new message. Default 5 ms. */
  maxBatchDelayMs?: number;
  /** …and at the latest this long after its first event, however steadily events trickle in. Default 100 ms. */
  maxBatchAgeMs?: number;
  /** Documents each projection keeps in memory after writing them, saving a read per batch. Default 10,000; 0 disables. */
  documentCacheSize?: number;
  /** Lag in events is counted up to this many (then reported as capped). Default 100,000. */
  lagCountCap?: number;
  /** Delays between retries after a store failure. Default 100 ms doubling up to 30 s. */
  retry?: Partial<BackoffOptions>;
  clock?: Clock;
  /** Told of every failure; never about personal data (messages name events by id and type). */
  onError?: EngineErrorListener;
}

export interface EngineSettings {
  eventStore: EventStore;
  readStore: ReadStore;
  maxBatchEvents: number;
  maxBatchDelayMs: number;
  maxBatchAgeMs: number;
  documentCacheSize: number;
  lagCountCap: number;
  retry: BackoffOptions;
  clock: Clock;
  onError: EngineErrorListener;
}

export function engineSettings(options: ProjectionEngineOptions): EngineSettings {
  const settings: EngineSettings = {
    eventStore: options.eventStore,
    readStore: options.readStore,
    maxBatchEvents: options.maxBatchEvents ?? 2_000,
    maxBatchDelayMs: options.maxBatchDelayMs ?? 5,
    maxBatchAgeMs: options.maxBatchAgeMs ?? 100,
    documentCacheSize: options.documentCacheSize ?? 10_000,
    lagCountCap: options.lagCountCap ?? 100_000,
    retry: { initialDelayMs: options.retry?.initialDelayMs ?? 100, maxDelayMs: options.retry?.maxDelayMs ?? 30_000 },
    clock: options.clock ?? systemClock,
    onError: options.onError ?? (() => undefined),
  };
  positiveInteger('maxBatchEvents', settings.maxBatchEvents);
  positiveInteger('lagCountCap', settings.lagCountCap);
  nonNegative('maxBatchDelayMs', settings.maxBatchDelayMs);
  nonNegative('maxBatchAgeMs', settings.maxBatchAgeMs);
  nonNegative('documentCacheSize', settings.documentCacheSize);
  nonNegative('retry.initialDelayMs', settings.retry.initialDelayMs);
  nonNegative('retry.maxDelayMs', settings.retry.maxDelayMs);
  return settings;
}

function positiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new Error(`projection engine: ${name} must be an integer ≥ 1, got ${value}`);
}

function nonNegative(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) throw new Error(`projection engine: ${name} must be a number ≥ 0, got ${value}`);
}
