import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldIssueDto {
  @ApiProperty({ example: 'channel', description: 'The faulty field: body field, query or path parameter, or "header <name>".' })
  path!: string;

  @ApiProperty({ example: 'channel must be one of the following values: email, web, phone, store, social, letter, chat, sms' })
  message!: string;
}

/** RFC 9457 problem details, as every error of this API is sent. */
export class ProblemDetailsDto {
  @ApiProperty({ example: 'urn:cdp:problem:invalid-request' })
  type!: string;

  @ApiProperty({ example: 'The request is invalid' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiProperty({ example: 'Fix the fields listed in errors and send the request again.' })
  detail!: string;

  @ApiProperty({ example: '/v1/customers/c-42/interactions' })
  instance!: string;

  @ApiProperty({ example: 'invalid-request', description: 'Stable: for programs to switch on.' })
  code!: string;

  @ApiPropertyOptional({ type: [FieldIssueDto] })
  errors?: FieldIssueDto[];

  @ApiPropertyOptional({ description: 'Quote it when reporting a problem: it finds the matching log lines.' })
  requestId?: string;
}
