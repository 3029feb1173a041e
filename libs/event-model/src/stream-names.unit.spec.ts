import { customerStream, InvalidAggregateIdError, parseStreamName, segmentStream } from './stream-names';

describe('stream names', () => {
  it('puts everything about one customer in customer-<id>', () => {
    expect(customerStream('17850')).toBe('customer-17850');
    expect(parseStreamName('customer-17850')).toEqual({ category: 'customer', id: '17850' });
    expect(parseStreamName(segmentStream('vip-fr'))).toEqual({ category: 'segment', id: 'vip-fr' });
  });

  it('refuses ids that would break a stream name, a URL or a Kafka key', () => {
    for (const id of ['', ' 1', 'a/b', '$all', 'x'.repeat(129)]) expect(() => customerStream(id)).toThrow(InvalidAggregateIdError);
  });

  it('does not recognise streams outside the scheme', () => {
    expect(parseStreamName('$all')).toBeUndefined();
    expect(parseStreamName('order-1')).toBeUndefined();
  });
});
