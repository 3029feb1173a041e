import { foldEvents, planWrite, positionBeforePoison, routeEvents, DocumentState } from './fold-batch';
import { bought, customerBaskets, joined, left, recordedShopEvent, skuSales, Basket } from './testing/shop';
import { JsonObject } from '@cdp/event-model';

const at = (position: number) => String(position).padStart(20, '0');

function fold<Body extends JsonObject>(
  projection: Parameters<typeof foldEvents<Body>>[0],
  before: Record<string, DocumentState<Body>>,
  events: ReturnType<typeof recordedShopEvent>[],
) {
  const { routed, poison } = routeEvents(projection, events);
  const documents = new Map(Object.entries(before));
  const folded = foldEvents(projection, routed, documents);
  return { ...folded, poison: folded.poison ?? poison, write: planWrite(folded.changed, documents) };
}

describe('folding a batch', () => {
  it('given a new customer who buys twice, then one document at the position of the last purchase', () => {
    const events = [joined('c1', 'Ada'), bought('c1', 10), bought('c1', 5)].map((fact, i) => recordedShopEvent(fact, i + 1));
    const { write, poison } = fold(customerBaskets, {}, events);
    expect(poison).toBeUndefined();
    expect(write).toEqual({ upserts: [{ id: 'c1', position: at(3), body: { name: 'Ada', items: 2, total: 15 } }], deletes: [] });
  });

  it('skips the events a document already holds (at or before its position): re-delivery changes nothing', () => {
    const stored: DocumentState<Basket> = { position: at(2), body: { name: 'Ada', items: 1, total: 10 } };
    const redelivered = [joined('c1', 'Ada'), bought('c1', 10)].map((fact, i) => recordedShopEvent(fact, i + 1));
    expect(fold(customerBaskets, { c1: stored }, redelivered).write).toEqual({ upserts: [], deletes: [] });

    const withNew = [...redelivered, recordedShopEvent(bought('c1', 7), 3)];
    expect(fold(customerBaskets, { c1: stored }, withNew).write.upserts).toEqual([
      { id: 'c1', position: at(3), body: { name: 'Ada', items: 2, total: 17 } },
    ]);
  });

  it('deletes a stored document when evolve returns null, at the position of that event', () => {
    const stored: DocumentState<Basket> = { position: at(1), body: { name: 'Ada', items: 0, total: 0 } };
    expect(fold(customerBaskets, { c1: stored }, [recordedShopEvent(left('c1'), 4)]).write).toEqual({
      upserts: [],
      deletes: [{ id: 'c1', position: at(4) }],
    });
  });

  it('writes nothing for a document created and deleted within the batch', () => {
    const events = [joined('c1', 'Ada'), left('c1')].map((fact, i) => recordedShopEvent(fact, i + 1));
    expect(fold(customerBaskets, {}, events).write).toEqual({ upserts: [], deletes: [] });
  });

  it('ignores events that belong to no document', () => {
    const events = [bought('c1', 10), bought('c2', 3, 'mug')].map((fact, i) => recordedShopEvent(fact, i + 1));
    const { write } = fold(skuSales(), {}, events);
    expect(write.upserts).toEqual([{ id: 'mug', position: at(2), body: { sold: 1, revenue: 3 } }]);
  });

  it('stops at the first event evolve throws on, keeping what was folded before it', () => {
    const events = [bought('c1', 10, 'mug'), bought('c1', -1, 'mug'), bought('c2', 4, 'pen')].map((fact, i) =>
      recordedShopEvent(fact, i + 1),
    );
    const { write, poison } = fold(skuSales(), {}, events);
    expect(write.upserts).toEqual([{ id: 'mug', position: at(1), body: { sold: 1, revenue: 10 } }]);
    expect(poison).toMatchObject({ index: 1, event: { eventId: events[1].eventId } });
    expect(String(poison!.error)).toContain('negative amount (-1)');
  });

  it('treats a throwing documentIdOf and an undefined document as poison too', () => {
    const throwingId = { ...customerBaskets, documentIdOf: () => { throw new Error('no id'); } };
    expect(fold(throwingId, {}, [recordedShopEvent(joined('c1', 'Ada'), 1)]).poison).toMatchObject({ index: 0 });
    const undefinedBody = { ...customerBaskets, evolve: () => undefined as unknown as Basket };
    const { poison } = fold(undefinedBody, {}, [recordedShopEvent(joined('c1', 'Ada'), 1)]);
    expect(String(poison!.error)).toContain('return null to delete');
  });

  it('puts the checkpoint just before the poison event', () => {
    const events = [5, 9, 12].map((position) => recordedShopEvent(bought('c1', 1), position));
    const poisonAt = (index: number) => ({ event: events[index], index, error: new Error('x') });
    expect(positionBeforePoison(events, poisonAt(2), at(3), null)).toBe(at(9));
    expect(positionBeforePoison(events, poisonAt(0), at(3), null)).toBe(at(3));
    expect(positionBeforePoison(events, poisonAt(0), null, null)).toBeNull();
    // The subscription had examined up to 4 (events of other types): resuming there skips nothing.
    expect(positionBeforePoison(events, poisonAt(0), at(3), at(4))).toBe(at(4));
    expect(positionBeforePoison(events, poisonAt(0), at(3), at(7))).toBe(at(3));
  });
});
