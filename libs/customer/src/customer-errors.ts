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
