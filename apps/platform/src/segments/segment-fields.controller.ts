import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FieldSpec, segmentFields } from '@cdp/segments';

/** The catalogue of what a condition may test, as the parser checks it: for analysts and their tools. */
@ApiTags('segments')
@Controller('v1/segment-fields')
export class SegmentFieldsController {
  @Get()
  @ApiOperation({ summary: 'The fields segment conditions may test', description: 'Each with its type, its values when it is an enumeration, and its bounds.' })
  @ApiOkResponse({ description: 'By field name.', schema: { type: 'object', example: { age: { type: 'number', integer: true, min: 0, max: 150, description: 'Full years since the birth date (UTC).' } } } })
  fields(): Record<string, unknown> {
    return Object.fromEntries(
      Object.entries(segmentFields as Record<string, FieldSpec>).map(([name, { personal, ...spec }]) => [name, { ...spec, personalData: personal !== undefined }]),
    );
  }
}
