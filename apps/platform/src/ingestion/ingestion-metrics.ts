import { Inject, Injectable } from '@nestjs/common';
import { PLATFORM_METRICS, PlatformMetrics } from '@cdp/observability';
import { Counter } from 'prom-client';
import { IngestionResult } from './ingestion-result';

@Injectable()
export class IngestionMetrics {
  private readonly messages: Counter<'source' | 'status' | 'code'>;

  constructor(@Inject(PLATFORM_METRICS) { registry }: PlatformMetrics) {
    this.messages = new Counter({
      name: 'cdp_ingested_messages_total',
      help: 'Ingestion messages by source (kafka, http, file) and outcome (recorded, duplicate, unchanged, rejected with its code)',
      labelNames: ['source', 'status', 'code'] as const,
      registers: [registry],
    });
  }

  count(source: string, results: readonly IngestionResult[]): void {
    for (const result of results) {
      this.messages.inc({ source, status: result.status, code: result.status === 'rejected' ? result.code : '' });
    }
  }
}
