import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class IngestionIssueDto {
  @ApiProperty({ example: 'data.lines.0.currency' }) path!: string;
  @ApiProperty({ example: 'currency must be an ISO 4217 code such as EUR' }) message!: string;
}

/** What became of one event. */
export class IngestionResultDto {
  @ApiProperty({ enum: ['recorded', 'duplicate', 'unchanged', 'rejected'] }) status!: string;
  @ApiPropertyOptional({ example: 'c-42' }) customerId?: string;
  @ApiPropertyOptional({ type: [String], description: 'The events appended (recorded) or found (duplicate).' }) eventIds?: string[];
  @ApiPropertyOptional({ example: 'schema-violation', description: 'For rejected: a stable code, as in the dead-letter topic.' }) code?: string;
  @ApiPropertyOptional({ description: 'For rejected: what to fix.' }) message?: string;
  @ApiPropertyOptional({ type: [IngestionIssueDto] }) issues?: IngestionIssueDto[];
}

export class IngestionCountsDto {
  @ApiProperty() recorded!: number;
  @ApiProperty() duplicate!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty() rejected!: number;
}

export class IngestionBatchResponseDto {
  @ApiProperty({ type: [IngestionResultDto], description: 'One per event, in the order sent.' }) results!: IngestionResultDto[];
  @ApiProperty({ type: IngestionCountsDto }) counts!: IngestionCountsDto;
}
