import { Body, Controller, HttpStatus, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PlatformConfig } from '@cdp/config';
import { isRejection, parseIngestionMessage, Rejection, rejection, ValidIngestionMessage } from '@cdp/ingestion';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { ApiProblemResponses } from '../../http/api-problem-responses';
import { actorIdHeader, actorKindHeader, commandMetadataFrom } from '../../http/command-context';
import { RequestValidationError } from '../../http/request-validation-error';
import { PLATFORM_CONFIG } from '../../platform-config.token';
import { IngestionMetrics } from '../ingestion-metrics';
import { IngestionResult } from '../ingestion-result';
import { IncomingMessage, IngestionService } from '../ingestion.service';
import { IngestionRejectedError } from './ingestion-rejected-error';
import { IngestionBatchResponseDto, IngestionResultDto } from './ingestion-response';

export const maxEventsPerRequest = 1_000;

const envelopeSchema = {
  type: 'object',
  required: ['type', 'occurredAt', 'data'],
  description: 'One ingestion message, as on Kafka. Its data follows the JSON Schema of its type: see docs/events.md and docs/schemas/.',
  properties: {
    type: { type: 'string', example: 'InteractionRecorded' },
    schemaVersion: { type: 'integer', minimum: 1, description: 'Default: the current version of the type.' },
    customerId: { type: 'string', example: 'c-42' },
    identifier: { type: 'object', properties: { kind: { type: 'string', example: 'email' }, value: { type: 'string' } } },
    eventId: { type: 'string', format: 'uuid', description: 'Makes retries idempotent. Without it, a retry records the event again.' },
    occurredAt: { type: 'string', format: 'date-time' },
    correlationId: { type: 'string' },
    data: { type: 'object', example: { channel: 'web', direction: 'inbound', kind: 'page-viewed' } },
  },
};

@ApiTags('ingestion')
@ApiExtraModels(IngestionResultDto)
@Controller('v1/events')
export class EventsController {
  constructor(
    private readonly ingestion: IngestionService,
    private readonly metrics: IngestionMetrics,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Ingest one event or a batch',
    description:
      'The same validation and write path as the Kafka gateway. One event (an object): 201 when recorded, 200 when it was ' +
      `recorded before or changes nothing, a problem when refused. A batch (an array of up to ${maxEventsPerRequest}): ` +
      '200 with a result per event, in order; refused events do not stop the others.',
  })
  @ApiBody({ schema: { oneOf: [envelopeSchema, { type: 'array', items: envelopeSchema, maxItems: maxEventsPerRequest }] } })
  @ApiHeader({ name: 'x-correlation-id', required: false, description: 'Default correlation id of the events. Default: the request id.' })
  @ApiHeader({ name: actorIdHeader, required: false })
  @ApiHeader({ name: actorKindHeader, required: false, enum: ['user', 'service'] })
  @ApiOkResponse({ type: IngestionBatchResponseDto, description: 'For a batch: one result per event.' })
  @ApiProblemResponses({
    400: 'The event is invalid (errors name each field), or the batch is empty or too long.',
    409: 'The event conflicts with what is recorded, e.g. the customer is already registered.',
    413: 'The event is larger than INGEST_MAX_MESSAGE_BYTES.',
    422: 'The event is valid but a rule refuses it, e.g. its identifier belongs to no customer yet.',
    503: 'The event store is unavailable: retry.',
  })
  async ingest(@Body() body: unknown, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<IngestionResultDto | IngestionBatchResponseDto> {
    const { actor, correlationId } = commandMetadataFrom(req, { serviceName: this.config.serviceName, occurredAt: new Date().toISOString() });
    const batch = Array.isArray(body);
    const items: unknown[] = batch ? body : [body];
    if (items.length === 0 || items.length > maxEventsPerRequest) {
      throw new RequestValidationError([{ path: 'body', message: `send 1 to ${maxEventsPerRequest} events per request, got ${items.length}` }]);
    }
    const incoming = items.map((item): IncomingMessage => ({
      message: this.parse(item, correlationId),
      defaultEventId: randomUUID(),
      source: { service: this.config.serviceName },
    }));
    const results = await this.ingestion.ingest(incoming, actor);
    this.metrics.count('http', results);
    if (batch) {
      res.status(HttpStatus.OK);
      return { results, counts: countsOf(results) };
    }

    const [result] = results;
    if (result.status === 'rejected') throw new IngestionRejectedError(result);
    res.status(result.status === 'recorded' ? HttpStatus.CREATED : HttpStatus.OK);
    if (result.status === 'duplicate') res.setHeader('Idempotent-Replayed', 'true');
    return result;
  }

  private parse(item: unknown, requestCorrelationId: string): ValidIngestionMessage | Rejection {
    const size = Buffer.byteLength(JSON.stringify(item) ?? '');
    const { maxMessageBytes } = this.config.ingestion;
    if (size > maxMessageBytes) return rejection('payload-too-large', `the event is ${size} bytes; the limit is ${maxMessageBytes}`);
    const parsed = parseIngestionMessage(item);
    return isRejection(parsed) || parsed.correlationId ? parsed : { ...parsed, correlationId: requestCorrelationId };
  }
}

function countsOf(results: readonly IngestionResult[]) {
  const counts = { recorded: 0, duplicate: 0, unchanged: 0, rejected: 0 };
  for (const result of results) counts[result.status]++;
  return counts;
}
