import { Rejection } from '@cdp/ingestion';
import { MessageCoordinates } from '@cdp/kafka';
import { IHeaders, KafkaMessage, Message } from 'kafkajs';

/** The headers a dead letter carries on top of the original ones. Documented in docs/ingestion.md. */
export const deadLetterHeaders = {
  code: 'cdp-error-code',
  message: 'cdp-error-message',
  issues: 'cdp-error-issues',
  topic: 'cdp-source-topic',
  partition: 'cdp-source-partition',
  offset: 'cdp-source-offset',
  at: 'cdp-dead-lettered-at',
} as const;

// Header values count against the broker's message size; a message listing thousands of faults is cut.
const maxHeaderText = 4_000;

/** The original key, value and headers, byte for byte, plus why and from where. */
export function deadLetterMessage(original: KafkaMessage, reason: Rejection, from: MessageCoordinates, at: Date): Message {
  const headers: IHeaders = {
    ...original.headers,
    [deadLetterHeaders.code]: reason.code,
    [deadLetterHeaders.message]: cut(reason.message),
    [deadLetterHeaders.topic]: from.topic,
    [deadLetterHeaders.partition]: String(from.partition),
    [deadLetterHeaders.offset]: from.offset,
    [deadLetterHeaders.at]: at.toISOString(),
  };
  if (reason.issues) headers[deadLetterHeaders.issues] = cut(JSON.stringify(reason.issues));
  return { key: original.key, value: original.value, headers, timestamp: original.timestamp };
}

function cut(text: string): string {
  return text.length <= maxHeaderText ? text : `${text.slice(0, maxHeaderText - 1)}…`;
}
