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

// kafkajs puts every message of one send and partition into one record batch, which the broker refuses
// above its message.max.bytes (1 MB by default): a few large rejects would then block the partition.
export const maxDeadLetterSendBytes = 512 * 1024;

/** The dead letters in sends of at most `maxBytes` each (one larger message goes alone), in order. */
export function deadLetterSends(messages: readonly Message[], maxBytes = maxDeadLetterSendBytes): Message[][] {
  const sends: Message[][] = [];
  let current: Message[] = [];
  let size = 0;
  for (const message of messages) {
    const bytes = sizeOf(message);
    if (current.length > 0 && size + bytes > maxBytes) {
      sends.push(current);
      current = [];
      size = 0;
    }
    current.push(message);
    size += bytes;
  }
  if (current.length > 0) sends.push(current);
  return sends;
}

function sizeOf({ key, value, headers }: Message): number {
  const length = (part: unknown) => (part === null || part === undefined ? 0 : Buffer.byteLength(part as string | Buffer));
  let bytes = length(key) + length(value);
  for (const [name, header] of Object.entries(headers ?? {})) bytes += name.length + (Array.isArray(header) ? header.reduce((sum, h) => sum + length(h), 0) : length(header));
  return bytes;
}
