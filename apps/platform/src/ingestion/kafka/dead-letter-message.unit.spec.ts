import { KafkaMessage } from 'kafkajs';
import { rejection } from '@cdp/ingestion';
import { deadLetterMessage, deadLetterSends } from './dead-letter-message';

const original: KafkaMessage = {
  key: Buffer.from('c-42'),
  value: Buffer.from('{"type":'),
  headers: { 'trace-id': Buffer.from('abc') },
  timestamp: '1735689600000',
  attributes: 0,
  offset: '17',
};

describe('a dead letter', () => {
  it('keeps the original key, value, headers and timestamp, and says why and from where', () => {
    const letter = deadLetterMessage(original, rejection('invalid-json', 'not JSON', [{ path: 'data', message: 'bad' }]), { topic: 't', partition: 2, offset: '17' }, new Date('2025-01-01T00:00:00Z'));
    expect(letter).toEqual({
      key: original.key,
      value: original.value,
      timestamp: original.timestamp,
      headers: {
        'trace-id': Buffer.from('abc'),
        'cdp-error-code': 'invalid-json',
        'cdp-error-message': 'not JSON',
        'cdp-error-issues': '[{"path":"data","message":"bad"}]',
        'cdp-source-topic': 't',
        'cdp-source-partition': '2',
        'cdp-source-offset': '17',
        'cdp-dead-lettered-at': '2025-01-01T00:00:00.000Z',
      },
    });
  });

  it('cuts a very long message to keep the headers small', () => {
    const letter = deadLetterMessage(original, rejection('schema-violation', 'x'.repeat(10_000)), { topic: 't', partition: 0, offset: '1' }, new Date());
    expect((letter.headers?.['cdp-error-message'] as string).length).toBe(4_000);
  });
});

describe('sending dead letters', () => {
  const letter = (bytes: number) => ({ key: 'k', value: Buffer.alloc(bytes) });

  it('splits them into sends the broker accepts, in order, a large one alone', () => {
    const letters = [letter(300), letter(300), letter(900), letter(100), letter(100)];
    expect(deadLetterSends(letters, 1_000).map((send) => send.map((m) => (m.value as Buffer).length))).toEqual([[300, 300], [900], [100, 100]]);
  });

  it('sends nothing when there is nothing to send', () => {
    expect(deadLetterSends([])).toEqual([]);
  });
});
