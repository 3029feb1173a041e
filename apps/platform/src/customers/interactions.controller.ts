import { Body, Controller, HttpCode, HttpStatus, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { PlatformConfig } from '@cdp/config';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { ApiProblemResponses } from '../http/api-problem-responses';
import { actorIdHeader, actorKindHeader, commandMetadataFrom } from '../http/command-context';
import { PLATFORM_CONFIG } from '../platform-config.token';
import { CustomerIdPipe } from './customer-id.pipe';
import { RecordInteractionRequest } from './dtos/record-interaction.request';
import { RecordedInteractionResponse } from './dtos/recorded-interaction.response';
import { RecordInteractionCommand } from './record-interaction.command';

@ApiTags('customers')
@Controller('v1/customers/:customerId/interactions')
export class InteractionsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Record an interaction with a customer',
    description: 'Appends InteractionRecorded to the customer stream. Customers need not be registered first.',
  })
  @ApiParam({ name: 'customerId', example: 'c-42' })
  @ApiHeader({ name: 'x-correlation-id', required: false, description: 'Ties the events to the caller’s own flow. Default: the request id.' })
  @ApiHeader({ name: actorIdHeader, required: false, description: 'Who acts. Default: anonymous.' })
  @ApiHeader({ name: actorKindHeader, required: false, enum: ['user', 'service'], description: 'Default: user.' })
  @ApiCreatedResponse({ type: RecordedInteractionResponse, description: 'Recorded (or, for a retry with the same eventId, recorded before).' })
  @ApiProblemResponses({
    400: 'The body, a header or the customer id is invalid; errors names each field.',
    409: 'The eventId was used for a different interaction, or the customer kept changing concurrently.',
    410: 'The customer was deleted for good.',
    503: 'The event store is unavailable: retry.',
  })
  async record(
    @Param('customerId', CustomerIdPipe) customerId: string,
    @Body() body: RecordInteractionRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RecordedInteractionResponse> {
    const { occurredAt, eventId = randomUUID(), ...interaction } = body;
    const metadata = commandMetadataFrom(req, {
      serviceName: this.config.serviceName,
      occurredAt: occurredAt ? new Date(occurredAt).toISOString() : new Date().toISOString(),
    });
    const handled = await this.commands.execute(new RecordInteractionCommand(customerId, interaction, eventId, metadata));
    // Stripe's convention: a retry gets the first answer, marked as such.
    if (handled.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return {
      eventId: handled.eventIds[0],
      streamId: handled.streamId,
      revision: handled.revision as number,
      position: handled.position as string,
    };
  }
}
