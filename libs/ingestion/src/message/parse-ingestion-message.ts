import { eventCatalogue, identifierKinds, isValidAggregateId, ValidationIssue } from '@cdp/event-model';
import { PartyReference, ValidIngestionMessage } from './ingestion-message';
import { Rejection, rejection } from './rejection';

export interface ParseOptions {
  /** Larger messages are refused before parsing: one producer bug must not exhaust the consumer. */
  maxMessageBytes: number;
}

const envelopeFields = new Set(['type', 'schemaVersion', 'customerId', 'identifier', 'eventId', 'occurredAt', 'correlationId', 'data']);
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// ISO 8601 with a zone: a time without one is ambiguous across the producers' regions.
const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const correlationPattern = /^[A-Za-z0-9][A-Za-z0-9._:@+-]{0,127}$/;

/** Bytes from Kafka or a file line: size, then JSON, then the envelope and its data. */
export function parseIngestionBytes(bytes: Buffer | string, { maxMessageBytes }: ParseOptions): ValidIngestionMessage | Rejection {
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length;
  if (size > maxMessageBytes) {
    return rejection('payload-too-large', `the message is ${size} bytes; the limit is ${maxMessageBytes}: split it or send less data`);
  }
  let json: unknown;
  try {
    json = JSON.parse(typeof bytes === 'string' ? bytes : bytes.toString('utf8'));
  } catch (error) {
    return rejection('invalid-json', `the message is not JSON: ${(error as Error).message}`);
  }
  return parseIngestionMessage(json);
}

/** An already parsed JSON value (an HTTP body item): the envelope, then its data. */
export function parseIngestionMessage(json: unknown): ValidIngestionMessage | Rejection {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return rejection('invalid-message', 'the message must be a JSON object with type, customerId, occurredAt and data');
  }
  const message = json as Record<string, unknown>;
  const issues: ValidationIssue[] = Object.keys(message)
    .filter((field) => !envelopeFields.has(field))
    .map((field) => ({ path: field, message: `${field} is not an envelope field; put event fields inside data` }));

  const { type } = message;
  if (typeof type !== 'string' || type === '') {
    issues.push({ path: 'type', message: 'type must be an event type name, e.g. "OrderPlaced"' });
    return rejection('invalid-message', describe(issues), issues);
  }
  if (!eventCatalogue.types.includes(type)) {
    return rejection('unknown-event-type', `unknown event type "${type}"; known types: ${producerTypes().join(', ')}`);
  }
  if (!eventCatalogue.isProducerType(type)) {
    return rejection('not-accepted-from-producers', `${type} is written by the platform itself; producers cannot send it`);
  }
  const current = eventCatalogue.currentVersion(type);
  const schemaVersion = message.schemaVersion ?? current;
  if (!Number.isInteger(schemaVersion) || (schemaVersion as number) < 1 || (schemaVersion as number) > current) {
    return rejection('unknown-schema-version', `${type} has no schemaVersion ${JSON.stringify(schemaVersion)}; versions 1 to ${current} exist`);
  }

  const party = partyOf(message, issues);
  const occurredAt = instantOf(message.occurredAt, issues);
  const { eventId, correlationId } = message;
  if (eventId !== undefined && (typeof eventId !== 'string' || !uuidPattern.test(eventId))) {
    issues.push({ path: 'eventId', message: 'eventId must be a UUID, e.g. "0b6c2f0e-8f7e-4c57-9d4e-6c1f2d3e4a5b"' });
  }
  if (correlationId !== undefined && (typeof correlationId !== 'string' || !correlationPattern.test(correlationId))) {
    issues.push({ path: 'correlationId', message: 'correlationId must be 1 to 128 letters, digits or . _ : @ + -' });
  }
  if (issues.length > 0) return rejection('invalid-message', describe(issues), issues);

  const dataIssues = eventCatalogue.validate(type, schemaVersion as number, message.data);
  if (dataIssues.length > 0) return rejection('schema-violation', `${type} v${schemaVersion as number} is invalid: ${describe(dataIssues)}`, dataIssues);

  return {
    type,
    schemaVersion: schemaVersion as number,
    data: eventCatalogue.upcastData(type, schemaVersion as number, message.data as object),
    party: party as PartyReference,
    ...(eventId === undefined ? {} : { eventId: (eventId as string).toLowerCase() }),
    occurredAt: occurredAt as string,
    ...(correlationId === undefined ? {} : { correlationId: correlationId as string }),
  };
}

function partyOf(message: Record<string, unknown>, issues: ValidationIssue[]): PartyReference | undefined {
  const { customerId, identifier } = message;
  if ((customerId === undefined) === (identifier === undefined)) {
    issues.push({ path: 'customerId', message: 'give exactly one of customerId and identifier' });
    return undefined;
  }
  if (customerId !== undefined) {
    if (typeof customerId === 'string' && isValidAggregateId(customerId)) return { customerId };
    issues.push({ path: 'customerId', message: 'customerId must be 1 to 128 letters, digits or . _ : @ + -, starting with a letter or digit' });
    return undefined;
  }
  const { kind, value, ...rest } = (typeof identifier === 'object' && identifier !== null ? identifier : {}) as Record<string, unknown>;
  const before = issues.length;
  if (!(identifierKinds as readonly unknown[]).includes(kind)) {
    issues.push({ path: 'identifier.kind', message: `identifier.kind must be one of ${identifierKinds.join(', ')}` });
  }
  if (typeof value !== 'string' || value.trim() === '' || value.length > 320) {
    issues.push({ path: 'identifier.value', message: 'identifier.value must be a non-empty string of at most 320 characters' });
  }
  for (const field of Object.keys(rest)) issues.push({ path: `identifier.${field}`, message: `${field} is not a field of identifier` });
  return issues.length === before ? { identifier: { kind: kind as (typeof identifierKinds)[number], value: value as string } } : undefined;
}

function instantOf(value: unknown, issues: ValidationIssue[]): string | undefined {
  const time = typeof value === 'string' && instantPattern.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) {
    issues.push({ path: 'occurredAt', message: 'occurredAt must be an ISO 8601 instant with a zone, e.g. "2024-05-01T10:00:00Z"' });
    return undefined;
  }
  return new Date(time).toISOString();
}

function producerTypes(): string[] {
  return eventCatalogue.types.filter((type) => eventCatalogue.isProducerType(type));
}

function describe(issues: readonly ValidationIssue[]): string {
  return issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
}
