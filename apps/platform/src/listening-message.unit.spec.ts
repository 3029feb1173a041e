import { describeEventStore, listeningMessage, reachableUrl } from './listening-message';

describe('listening message', () => {
  it.each([
    ['0.0.0.0', 'http://127.0.0.1:3000'],
    ['::', 'http://127.0.0.1:3000'],
    ['127.0.0.1', 'http://127.0.0.1:3000'],
    ['cdp.internal', 'http://cdp.internal:3000'],
    ['::1', 'http://[::1]:3000'],
  ])('turns bind address %s into a URL one can open: %s', (host, url) => {
    expect(reachableUrl(host, 3000)).toBe(url);
  });

  it('names the embedded store and its folder', () => {
    expect(listeningMessage('http://127.0.0.1:3000', { kind: 'embedded', dataDir: './data', durability: 'full' })).toBe(
      'CDP platform listening on http://127.0.0.1:3000 (event store: embedded, ./data); API docs at http://127.0.0.1:3000/docs',
    );
  });

  it('never shows the credentials of an EventStoreDB connection string', () => {
    const described = describeEventStore({ kind: 'eventstoredb', connectionString: 'esdb://admin:changeit@db:2113?tls=false' });
    expect(described).toBe('eventstoredb, esdb://***@db:2113?tls=false');
  });
});
