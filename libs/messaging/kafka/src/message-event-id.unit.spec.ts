import { validate, version } from 'uuid';
import { eventIdForMessage } from './message-event-id';

const coordinates = { topic: 'interactions', partition: 2, offset: '41' };

describe('eventIdForMessage', () => {
  it('gives a redelivered message the id it had the first time', () => {
    expect(eventIdForMessage({ ...coordinates })).toBe(eventIdForMessage(coordinates));
  });

  it('gives every other message another id', () => {
    const ids = [
      coordinates,
      { ...coordinates, topic: 'interactions-eu' },
      { ...coordinates, partition: 1 },
      { ...coordinates, offset: '42' },
      // Joined without a separator, these two would both be "interactions1241".
      { topic: 'interactions1', partition: 2, offset: '41' },
      { topic: 'interactions', partition: 12, offset: '41' },
    ].map(eventIdForMessage);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is a name-based (v5) UUID, as the event store requires a UUID', () => {
    const id = eventIdForMessage(coordinates);
    expect(validate(id)).toBe(true);
    expect(version(id)).toBe(5);
  });

  it('never changes across releases: events already stored carry these ids', () => {
    expect(eventIdForMessage(coordinates)).toBe('7c5db549-fed4-5bde-b6bf-b328afceb35f');
  });
});
