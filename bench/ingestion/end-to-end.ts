import { Admin } from 'kafkajs';
import { elapsedMs, nowMs } from '../event-store/timing';
import { EventIdDigest } from './gateway-events';
import { crossing, watchIngestion, Watched, WatchSample } from './ingest-watch';
import { endOffsets, sum } from './kafka-topics';
import { Exit, MajorGc, startPlatform } from './platform-process';
import { digestOfStore } from './store-check';

export interface EndToEndSetup {
  admin: Admin;
  brokers: readonly string[];
  topic: string;
  deadLetterTopic: string;
  groupId: string;
  partitions: number;
  dataDir: string;
  messages: number;
  expected: EventIdDigest;
  /** Given: the platform runs under `--cpu-prof`, writing its profile there when it exits. */
  cpuProfileDir?: string;
  /** Runs the platform with `--trace-gc`, to learn how much of its heap each major GC finds alive. */
  traceGc?: boolean;
}

export interface EndToEndRun {
  messages: number;
  /** From the platform's "listening" line to the first sample that saw every offset committed. */
  seconds: number;
  startupSeconds: number;
  /** Committed already when the platform said it listens (its consumer starts before the HTTP server). */
  committedAtListening: number;
  /** Between 10% and 90% of the messages committed. */
  steadySeconds: number;
  samples: WatchSample[];
  peakRssMiB: number;
  hwmMiB: number;
  peak: WatchSample;
  exit: Exit;
  stopSeconds: number;
  warnings: string[];
  /** With `traceGc`: every major GC of the run, start-up included. */
  majorGcs: MajorGc[];
  stored: number;
  storeMatches: boolean;
  deadLetters: number;
  /** hrtime µs, the clock of the CPU profile: from "listening" to all committed. */
  windowUs: [number, number];
}

/**
 * Starts the built platform on a new data folder with the topic to ingest and a new consumer group,
 * waits until the group has committed every message, stops it (SIGTERM), then checks that the
 * store holds exactly the expected events and that nothing went to the dead-letter topic.
 */
export async function runEndToEnd(setup: EndToEndSetup): Promise<EndToEndRun> {
  const nodeArgs = [...(setup.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${setup.cpuProfileDir}`] : []), ...(setup.traceGc ? ['--trace-gc'] : [])];
  const platform = await startPlatform(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      EVENT_STORE_DATA_DIR: setup.dataDir,
      KAFKA_BROKERS: setup.brokers.join(','),
      KAFKA_INGEST_TOPICS: setup.topic,
      KAFKA_CONSUMER_GROUP: setup.groupId,
      KAFKA_DEAD_LETTER_TOPIC: setup.deadLetterTopic,
      KAFKA_INGEST_PARTITIONS: String(setup.partitions),
    },
    nodeArgs,
  );
  let watched: Watched;
  try {
    watched = await watchIngestion(setup.admin, platform, setup.groupId, setup.topic, setup.messages);
  } catch (error) {
    await platform.stop();
    throw error;
  }
  const stopping = nowMs();
  const exit = await platform.stop();
  const stopSeconds = elapsedMs(stopping) / 1000;
  const { samples } = watched;
  const last = samples[samples.length - 1];
  const peak = samples.reduce((max, s) => (s.rssMiB > max.rssMiB ? s : max), samples[0]);
  const stored = await digestOfStore(setup.dataDir);
  return {
    messages: setup.messages,
    seconds: last.seconds,
    startupSeconds: platform.startupMs / 1000,
    committedAtListening: samples[0].committed,
    steadySeconds: crossing(samples, setup.messages, 0.9) - crossing(samples, setup.messages, 0.1),
    samples,
    peakRssMiB: peak.rssMiB,
    hwmMiB: watched.hwmMiB,
    peak,
    exit,
    stopSeconds,
    warnings: platform.warnings,
    majorGcs: platform.majorGcs,
    stored: stored.count,
    storeMatches: stored.equals(setup.expected),
    deadLetters: sum(await endOffsets(setup.admin, setup.deadLetterTopic)),
    windowUs: [platform.listeningAtUs, watched.doneAtUs],
  };
}
