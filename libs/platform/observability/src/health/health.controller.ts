import { Controller, Get, HttpStatus, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { Response } from 'express';
import { OBSERVABILITY_OPTIONS, ObservabilityOptions } from '../observability-options';
import { runReadinessCheck } from './readiness-indicator';

@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(OBSERVABILITY_OPTIONS) private readonly options: ObservabilityOptions,
  ) {}

  /** The process answers: restart it when this fails. Checks no dependency, so an outage elsewhere causes no restart loop. */
  @Get('live')
  @HealthCheck()
  live(@Res({ passthrough: true }) res: Response): Promise<HealthCheckResult> {
    return this.report(res, []);
  }

  /** The process can do its work: route traffic to it only while this passes. */
  @Get('ready')
  @HealthCheck()
  ready(@Res({ passthrough: true }) res: Response): Promise<HealthCheckResult> {
    const timeoutMs = this.options.readinessTimeoutMs ?? 3000;
    const checks = (this.options.readinessChecks ?? []).map(
      (check) => () => runReadinessCheck(this.indicators, check, timeoutMs),
    );
    return this.report(res, checks);
  }

  // Terminus reports "down" by throwing; answering here keeps its report intact whatever exception filters the app installs.
  private async report(res: Response, checks: Parameters<HealthCheckService['check']>[0]): Promise<HealthCheckResult> {
    try {
      return await this.health.check(checks);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      res.status(HttpStatus.SERVICE_UNAVAILABLE);
      return error.getResponse() as HealthCheckResult;
    }
  }
}
