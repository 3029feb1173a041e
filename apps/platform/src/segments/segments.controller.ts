import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Inject, Param, Post, Put, Query, Req, Res, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AudienceStores } from '@cdp/audiences';
import { PlatformConfig } from '@cdp/config';
import { SegmentCommand } from '@cdp/segments';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { v5 as uuidV5 } from 'uuid';
import { RequiresRole, RolesGuard } from '../http/access/roles.guard';
import { ApiProblemResponses } from '../http/api-problem-responses';
import { commandMetadataFrom } from '../http/command-context';
import { exportKeyedSet } from '../http/export/keyed-set-export';
import { AggregateIdPipe } from '../http/params/aggregate-id.pipe';
import { PLATFORM_CONFIG } from '../platform-config.token';
import { AUDIENCE_STORES } from '../projections/projection-tokens';
import { ChangeSegmentCommand } from './change-segment.command';
import { ArchiveSegmentRequest, DefineSegmentRequest, RedefineSegmentRequest } from './dtos/define-segment.request';
import { SetPageParams } from '../http/params/set-page.params';
import { membersExample, segmentExample } from './dtos/segment-examples';
import { SegmentReader } from './segment-reader';
import { SegmentView } from './segment-view';

const segmentDefinitionNamespace = '5d0f3a8e-7c2b-5e49-b1a6-9f4c2d8e6a13';

/** Segments: defined as events in segment-<id>, evaluated by the audiences worker over every customer and live. */
@ApiTags('segments')
@ApiBearerAuth()
@Controller('v1/segments')
@UseGuards(RolesGuard)
@RequiresRole('analyst')
export class SegmentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly segments: SegmentReader,
    @Inject(AUDIENCE_STORES) private readonly audiences: AudienceStores,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Define a segment',
    description:
      'Appends SegmentDefined to segment-<segmentId>. Every customer is then evaluated against it (status evaluating, with progress), while live evaluation goes on. A retry with the same segmentId and body answers the first time again.',
  })
  @ApiCreatedResponse({ description: 'The segment as defined.', schema: { type: 'object', example: { ...segmentExample, version: 1, status: 'pending' } } })
  @ApiProblemResponses({
    400: 'A field or a condition is invalid: errors names it, e.g. conditions.all[2].field.',
    401: 'Unknown bearer token.',
    403: 'The analyst role is missing.',
    409: 'Another segment already has this segmentId.',
  })
  async define(@Body() body: DefineSegmentRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<SegmentView> {
    const { segmentId = randomUUID(), ...definition } = body;
    // The segment id names the stream; its first event's id is derived from it, so a retry is recognised.
    const eventId = uuidV5(`segment/${segmentId}/SegmentDefined`, segmentDefinitionNamespace);
    const handled = await this.change({ type: 'DefineSegment', data: { segmentId, ...definition } }, eventId, req);
    if (handled.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return this.segments.segment(segmentId, false);
  }

  @Get()
  @ApiOperation({ summary: 'Every segment', description: 'Definition, status, evaluation progress and current size of each.' })
  @ApiOkResponse({ description: 'The segments, by id.', schema: { type: 'object', example: { segments: [segmentExample] } } })
  @ApiProblemResponses({ 401: 'Unknown bearer token.', 403: 'The analyst role is missing.' })
  async list(): Promise<{ segments: SegmentView[] }> {
    return { segments: await this.segments.list() };
  }

  @Get(':segmentId')
  @ApiOperation({ summary: 'A segment', description: 'Its definition, status, evaluation progress, current size and size at the end of each day of the last year.' })
  @ApiParam({ name: 'segmentId', example: 'candle-lovers' })
  @ApiOkResponse({ description: 'The segment.', schema: { type: 'object', example: segmentExample } })
  @ApiProblemResponses({ 400: 'The id is invalid.', 401: 'Unknown bearer token.', 403: 'The analyst role is missing.', 404: 'No such segment.' })
  segment(@Param('segmentId', new AggregateIdPipe('segmentId')) segmentId: string): Promise<SegmentView> {
    return this.segments.segment(segmentId);
  }

  @Put(':segmentId')
  @ApiOperation({
    summary: 'Redefine a segment',
    description: 'Appends SegmentRedefined (nothing when the definition is the same). Every customer is evaluated again against the new version.',
  })
  @ApiParam({ name: 'segmentId', example: 'candle-lovers' })
  @ApiOkResponse({ description: 'The segment as redefined.', schema: { type: 'object', example: segmentExample } })
  @ApiProblemResponses({
    400: 'A field or a condition is invalid: errors names it.',
    401: 'Unknown bearer token.',
    403: 'The analyst role is missing.',
    404: 'No such segment.',
    409: 'The segment is archived.',
  })
  async redefine(
    @Param('segmentId', new AggregateIdPipe('segmentId')) segmentId: string,
    @Body() body: RedefineSegmentRequest,
    @Req() req: Request,
  ): Promise<SegmentView> {
    await this.change({ type: 'RedefineSegment', data: { segmentId, ...body } }, randomUUID(), req);
    return this.segments.segment(segmentId, false);
  }

  @Delete(':segmentId')
  @ApiOperation({
    summary: 'Archive a segment',
    description: 'Appends SegmentArchived: it is no longer evaluated, its members stay as they were, its definition and history stay readable.',
  })
  @ApiParam({ name: 'segmentId', example: 'candle-lovers' })
  @ApiOkResponse({ description: 'The segment, archived.', schema: { type: 'object', example: { ...segmentExample, status: 'archived' } } })
  @ApiProblemResponses({ 400: 'The id is invalid.', 401: 'Unknown bearer token.', 403: 'The analyst role is missing.', 404: 'No such segment.' })
  async archive(
    @Param('segmentId', new AggregateIdPipe('segmentId')) segmentId: string,
    @Body() body: ArchiveSegmentRequest = {},
    @Req() req: Request,
  ): Promise<SegmentView> {
    await this.change({ type: 'ArchiveSegment', data: { segmentId, ...(body?.reason === undefined ? {} : { reason: body.reason }) } }, randomUUID(), req);
    return this.segments.segment(segmentId, false);
  }

  @Get(':segmentId/members')
  @ApiOperation({
    summary: 'The members of a segment',
    description:
      'Their customer ids, a page at a time (follow nextCursor), or all of them streamed with format=csv or ndjson (or Accept: text/csv, application/x-ndjson). Since when each is a member: GET /v1/customers/{id}/segments.',
  })
  @ApiParam({ name: 'segmentId', example: 'candle-lovers' })
  @ApiProduces('application/json', 'text/csv', 'application/x-ndjson')
  @ApiOkResponse({ description: 'A page of members, or all of them as CSV / NDJSON.', schema: { type: 'object', example: membersExample } })
  @ApiProblemResponses({ 400: 'A parameter is invalid.', 401: 'Unknown bearer token.', 403: 'The analyst role is missing.', 404: 'No such segment.' })
  async members(
    @Param('segmentId', new AggregateIdPipe('segmentId')) segmentId: string,
    @Query() params: SetPageParams,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    await this.segments.definition(segmentId);
    return exportKeyedSet(this.audiences.members, segmentId, params, res, {
      file: `${segmentId}-members.csv`,
      item: (customerId) => ({ customerId }),
      csvHeader: ['customerId'],
      csvRows: (customerId) => [[customerId]],
      page: (items, nextCursor) => ({ segmentId, items, nextCursor }),
    });
  }

  private change(command: SegmentCommand, eventId: string, req: Request) {
    const metadata = commandMetadataFrom(req, { serviceName: this.config.serviceName, occurredAt: new Date().toISOString() });
    return this.commands.execute(new ChangeSegmentCommand(command, eventId, metadata));
  }
}
