import { ValidationIssue } from '@cdp/event-model';

/**
 * Why a message cannot become events. The code is stable (dead-letter headers, metrics, HTTP
 * problem types use it); the message says what the producer should fix.
 */
export interface Rejection {
  status: 'rejected';
  code: string;
  message: string;
  issues?: ValidationIssue[];
}

export function rejection(code: string, message: string, issues?: ValidationIssue[]): Rejection {
  return issues && issues.length > 0 ? { status: 'rejected', code, message, issues } : { status: 'rejected', code, message };
}

export function isRejection(value: unknown): value is Rejection {
  return typeof value === 'object' && value !== null && (value as Rejection).status === 'rejected';
}
