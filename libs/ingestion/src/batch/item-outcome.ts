import { Rejection } from '../message/rejection';

/** What became of one message. Every message ends in exactly one of these: nothing is dropped silently. */
export type ItemOutcome =
  /** New events were appended. */
  | { status: 'recorded'; eventIds: string[] }
  /** The message was recorded before (a redelivery or a producer retry): nothing new. */
  | { status: 'duplicate'; eventIds: string[] }
  /** Valid, but it changes nothing (e.g. a profile update to the values already held). */
  | { status: 'unchanged' }
  | Rejection;
