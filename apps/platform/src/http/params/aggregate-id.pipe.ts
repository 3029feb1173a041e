import { PipeTransform } from '@nestjs/common';
import { isValidAggregateId } from '@cdp/event-model';
import { RequestValidationError } from '../request-validation-error';

/** An id that becomes a stream name, a Kafka key and a URL segment; the error names the parameter. */
export class AggregateIdPipe implements PipeTransform<string, string> {
  constructor(private readonly parameter: string) {}

  transform(id: string): string {
    if (isValidAggregateId(id)) return id;
    throw new RequestValidationError([
      { path: this.parameter, message: `${this.parameter} must be 1 to 128 letters, digits or . _ : @ + -, starting with a letter or digit` },
    ]);
  }
}
