import { LogLevel } from '@cdp/config';

/** Something the app needs before it can serve traffic, e.g. the event store answering. Throws (or rejects) when not ready. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<unknown>;
}

export interface ObservabilityOptions {
  /** Appears in every log line and as the `service` label of every metric. */
  serviceName: string;
  logLevel: LogLevel;
  readinessChecks?: readonly ReadinessCheck[];
  /** How long one readiness check may take before it counts as down. Default 3 s. */
  readinessTimeoutMs?: number;
  /** Where log lines go. Default: standard output. */
  logDestination?: { write(line: string): void };
}

export const OBSERVABILITY_OPTIONS = Symbol('OBSERVABILITY_OPTIONS');
