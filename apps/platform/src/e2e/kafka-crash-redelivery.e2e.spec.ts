import { eventIdForMessage } from '@cdp/kafka';
import { committedCount, createTestTopics, dropTestTopics, endCount, produce, TestTopics } from './kafka-topics';
import { waitUntil } from './wait-until';
import { freshDataDir, removeDataDir, RunningPlatform, startPlatform } from './platform-process';
import { storedEvents } from './stored-events';

// At least once, and still exactly one event: the process is killed with SIGKILL after the append
// and before the offset commit (a failpoint holds it there), restarted, and the message comes again.

const interaction = (customerId: string, n: number) =>
  JSON.stringify({ type: 'InteractionRecorded', customerId, occurredAt: `2025-03-01T10:00:0${n}Z`, data: { channel: 'store', direction: 'inbound', kind: 'visit' } });

describe('a gateway killed between append and commit', () => {
  let topics: TestTopics;
  const running: RunningPlatform[] = [];
  const dataDir = freshDataDir();

  beforeAll(async () => {
    topics = await createTestTopics('crash', 1);
  });

  afterAll(async () => {
    await Promise.all(running.map((platform) => platform.stop('SIGKILL')));
    await dropTestTopics(topics);
    removeDataDir(dataDir);
  });

  it('appends the redelivered message exactly once after a restart', async () => {
    await produce(topics.kafka, topics.topic, [{ key: 'c-crash', value: interaction('c-crash', 1) }]);
    const env = { EVENT_STORE_DATA_DIR: dataDir, ...topics.platformEnv };

    const first = await startPlatform({ ...env, CDP_FAILPOINTS: 'kafka-before-commit' });
    running.push(first);
    await waitUntil('the gateway reached the failpoint', async () => first.logs.some((line) => line.failpoint === 'kafka-before-commit'), 60_000);
    expect(await first.stop('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });

    // Killed after the append, before the commit: the event is stored, the offset is not.
    const afterCrash = await storedEvents(dataDir);
    expect(afterCrash.map((e) => e.eventId)).toEqual([eventIdForMessage({ topic: topics.topic, partition: 0, offset: '0' })]);
    expect(await committedCount(topics.admin, topics.groupId, topics.topic)).toBe(0);

    const second = await startPlatform(env);
    running.push(second);
    await waitUntil('the restarted gateway committed the message', async () => (await committedCount(topics.admin, topics.groupId, topics.topic)) === 1);
    expect(await second.stop('SIGTERM')).toEqual({ code: 0, signal: null });

    const afterRestart = await storedEvents(dataDir);
    expect(afterRestart).toHaveLength(1);
    expect(afterRestart[0]).toMatchObject({ eventId: afterCrash[0].eventId, revision: 0, metadata: { source: { topic: topics.topic, partition: 0, offset: '0' } } });
  });

  it('drains what is in flight on SIGTERM and commits exactly what it appended', async () => {
    const before = (await storedEvents(dataDir)).length;
    await produce(
      topics.kafka,
      topics.topic,
      Array.from({ length: 3_000 }, (_, n) => ({ key: `c-drain-${n % 50}`, value: interaction(`c-drain-${n % 50}`, n % 10) })),
    );
    const platform = await startPlatform({ EVENT_STORE_DATA_DIR: dataDir, ...topics.platformEnv });
    running.push(platform);
    await waitUntil('the gateway started committing', async () => (await committedCount(topics.admin, topics.groupId, topics.topic)) > 1);
    expect(await platform.stop('SIGTERM')).toEqual({ code: 0, signal: null });

    // Whatever was appended before the stop is committed, and nothing committed is missing.
    const appended = (await storedEvents(dataDir)).length - before;
    const committed = (await committedCount(topics.admin, topics.groupId, topics.topic)) - 1;
    expect(committed).toBe(appended);

    const resumed = await startPlatform({ EVENT_STORE_DATA_DIR: dataDir, ...topics.platformEnv });
    running.push(resumed);
    const total = await endCount(topics.admin, topics.topic);
    await waitUntil('every message is committed', async () => (await committedCount(topics.admin, topics.groupId, topics.topic)) === total);
    await resumed.stop('SIGTERM');
    expect(await storedEvents(dataDir)).toHaveLength(1 + 3_000);
  });
});
