import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { ReadinessCheck } from '../observability-options';

/** Runs one check as a Terminus indicator: up when it settles in time, down with the reason otherwise. */
export async function runReadinessCheck(
  indicators: HealthIndicatorService,
  { name, check }: ReadinessCheck,
  timeoutMs: number,
): Promise<HealthIndicatorResult> {
  const session = indicators.check(name);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([check(), timeout]);
    return session.up();
  } catch (error) {
    return session.down({ message: error instanceof Error ? error.message : String(error) });
  } finally {
    clearTimeout(timer);
  }
}
