import { customerEvents, line } from '@cdp/customer-360/testing';
import { RecordedEvent } from '@cdp/event-model';
import { emptyBehaviourLog } from './behaviour-log';
import { evolveBehaviour } from './evolve-behaviour';

const fold = (events: RecordedEvent[]) => events.reduce(evolveBehaviour, emptyBehaviourLog());

describe('the behaviour log', () => {
  it('keeps each order with its products (ids and skus) and categories, newest first, once', () => {
    const event = customerEvents();
    const placed = event('OrderPlaced', { orderId: 'o1', lines: [line('P1', 1, 2, { sku: 'S1', category: 'lighting' }), line('P2', 1, 1)] }, '2025-01-05T10:00:00Z');
    const log = fold([
      event('OrderPlaced', { orderId: 'o0', lines: [line('P3', 1, 1)] }, '2025-01-01T10:00:00Z'),
      placed,
      { ...placed, position: '00000000000000000099' },
    ]);
    expect(log.orders).toEqual([
      { orderId: 'o1', at: '2025-01-05T10:00:00.000Z', products: ['P1', 'P2', 'S1'], categories: ['lighting'] },
      { orderId: 'o0', at: '2025-01-01T10:00:00.000Z', products: ['P3'], categories: [] },
    ]);
    expect(log.newestAt).toBe('2025-01-05T10:00:00.000Z');
  });

  it('forgets a cancelled order', () => {
    const event = customerEvents();
    const log = fold([
      event('OrderPlaced', { orderId: 'o1', lines: [line('P1', 1, 2)] }, '2025-01-05T10:00:00Z'),
      event('OrderCancelled', { orderId: 'o1' }, '2025-01-06T10:00:00Z'),
    ]);
    expect(log.orders).toEqual([]);
  });

  it('keeps interactions per channel and direction, and campaign opens and clicks', () => {
    const event = customerEvents();
    const log = fold([
      event('InteractionRecorded', { channel: 'web', direction: 'inbound', kind: 'page-viewed' }, '2025-01-02T00:00:00Z'),
      event('InteractionRecorded', { channel: 'email', direction: 'outbound', kind: 'email-sent', campaignId: 'spring' }, '2025-01-03T00:00:00Z'),
      event('InteractionRecorded', { channel: 'email', direction: 'inbound', kind: 'email-opened', campaignId: 'spring' }, '2025-01-04T00:00:00Z'),
      event('InteractionRecorded', { channel: 'email', direction: 'inbound', kind: 'email-clicked', campaignId: 'spring' }, '2025-01-04T00:01:00Z'),
      event('InteractionRecorded', { channel: 'web', direction: 'inbound', kind: 'page-viewed' }, '2025-01-01T00:00:00Z'),
    ]);
    expect(log.interactions).toEqual({
      web: { inbound: ['2025-01-02T00:00:00.000Z', '2025-01-01T00:00:00.000Z'], outbound: [] },
      email: { inbound: ['2025-01-04T00:01:00.000Z', '2025-01-04T00:00:00.000Z'], outbound: ['2025-01-03T00:00:00.000Z'] },
    });
    expect(log.campaignResponses).toEqual([
      { campaignId: 'spring', action: 'clicked', at: '2025-01-04T00:01:00.000Z' },
      { campaignId: 'spring', action: 'opened', at: '2025-01-04T00:00:00.000Z' },
    ]);
  });

  it('drops what no window can reach: older than 366 days before the newest event', () => {
    const event = customerEvents();
    const log = fold([
      event('OrderPlaced', { orderId: 'old', lines: [line('P1', 1, 1)] }, '2023-01-01T00:00:00Z'),
      event('InteractionRecorded', { channel: 'web', direction: 'inbound', kind: 'visit' }, '2023-01-02T00:00:00Z'),
      event('OrderPlaced', { orderId: 'new', lines: [line('P2', 1, 1)] }, '2024-06-01T00:00:00Z'),
    ]);
    expect(log.orders.map((order) => order.orderId)).toEqual(['new']);
    expect(log.interactions).toEqual({});
  });

  it('is the same log whatever the arrival order of the same events', () => {
    const event = customerEvents();
    const events = [
      event('OrderPlaced', { orderId: 'o1', lines: [line('P1', 1, 1)] }, '2025-02-01T00:00:00Z'),
      event('OrderPlaced', { orderId: 'o2', lines: [line('P2', 1, 1)] }, '2025-01-01T00:00:00Z'),
      event('InteractionRecorded', { channel: 'web', direction: 'inbound', kind: 'visit' }, '2025-01-15T00:00:00Z'),
    ];
    expect(fold([...events].reverse())).toEqual(fold(events));
  });
});
