import { Injectable, PipeTransform } from '@nestjs/common';
import { isValidAggregateId } from '@cdp/event-model';
import { RequestValidationError } from '../http/request-validation-error';

/** Customer ids become stream names, Kafka keys and URLs: a bad one is rejected before anything else. */
@Injectable()
export class CustomerIdPipe implements PipeTransform<string, string> {
  transform(customerId: string): string {
    if (isValidAggregateId(customerId)) return customerId;
    throw new RequestValidationError([
      {
        path: 'customerId',
        message: 'customerId must be 1 to 128 letters, digits or . _ : @ + -, starting with a letter or digit',
      },
    ]);
  }
}
