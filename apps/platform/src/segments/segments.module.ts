import { Module } from '@nestjs/common';
import { ChangeSegmentHandler } from './change-segment.handler';
import { CustomerSegmentsController } from './customer-segments.controller';
import { SegmentFieldsController } from './segment-fields.controller';
import { SegmentReader } from './segment-reader';
import { SegmentsController } from './segments.controller';

/** Segments: their definitions (commands on segment-<id>), membership and history (read models of the audiences worker). */
@Module({
  controllers: [SegmentsController, SegmentFieldsController, CustomerSegmentsController],
  providers: [ChangeSegmentHandler, SegmentReader],
  exports: [SegmentReader],
})
export class SegmentsModule {}
