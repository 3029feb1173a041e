import { Logger } from '@nestjs/common';

/**
 * Named points where a test can freeze the process (CDP_FAILPOINTS=name,…), to kill it with
 * SIGKILL at an exact step: the only way to prove crash safety against a real broker, since
 * the window between two steps is otherwise a few microseconds wide. Off unless named.
 */
const active = new Set((process.env.CDP_FAILPOINTS ?? '').split(',').filter(Boolean));

export async function failpoint(name: string): Promise<void> {
  if (!active.has(name)) return;
  new Logger('Failpoint').warn({ failpoint: name }, `failpoint ${name} reached: the process waits here until killed`);
  await new Promise<never>(() => undefined);
}
