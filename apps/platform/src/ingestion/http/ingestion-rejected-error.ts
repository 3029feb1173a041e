import { Rejection } from '@cdp/ingestion';

/** A single event sent over HTTP was refused: the client gets the rejection as a problem. */
export class IngestionRejectedError extends Error {
  constructor(readonly rejection: Rejection) {
    super(rejection.message);
  }

  get code(): string {
    return this.rejection.code;
  }
}

const statusByCode: Record<string, number> = {
  'payload-too-large': 413,
  'customer-already-registered': 409,
  'identity-already-linked': 409,
  'customer-deleted': 410,
  'unknown-identifier': 422,
};

const invalidRequestCodes = new Set([
  'invalid-json',
  'invalid-message',
  'unknown-event-type',
  'unknown-schema-version',
  'not-accepted-from-producers',
  'schema-violation',
  'invalid-customer-command',
]);

/** 400 for a message to fix, 409 for a conflict with what is recorded, 422 for a rule that says no. */
export function statusForRejection(code: string): number {
  return statusByCode[code] ?? (invalidRequestCodes.has(code) ? 400 : 422);
}
