import { ValidationIssue } from '@cdp/event-model';

/** A customer rule said no. The code is stable: logs, metrics and HTTP problem types use it. */
export abstract class CustomerDomainError extends Error {
  abstract readonly code: string;
}

export class CustomerAlreadyRegisteredError extends CustomerDomainError {
  readonly code = 'customer-already-registered';
  constructor(readonly customerId: string) {
    super(`customer ${customerId} is already registered: update the profile instead of registering again`);
  }
}

export class EmptyProfileUpdateError extends CustomerDomainError {
  readonly code = 'empty-profile-update';
  constructor(readonly customerId: string) {
    super(`the profile update for customer ${customerId} names no field: send at least one field to change`);
  }
}

/** The command's data would make an event that breaks its schema. */
export class InvalidCustomerCommandError extends CustomerDomainError {
  readonly code = 'invalid-customer-command';
  constructor(readonly commandType: string, readonly issues: readonly ValidationIssue[]) {
    super(`${commandType} is invalid: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`);
  }
}

/** Only producer events about a customer become customer commands; platform-internal and unknown types do not. */
export class NotACustomerEventError extends CustomerDomainError {
  readonly code = 'not-a-customer-event';
  constructor(readonly eventType: string) {
    super(`"${eventType}" is not an event a producer can record about a customer: send one of the producer types of docs/events.md`);
  }
}
