// Child process of the crash test: appends for ever through the built store and prints
// "ack <stream> <eventId>" once each append is acknowledged. The test kills it with SIGKILL.
const { randomUUID } = require('node:crypto');
const { openEmbeddedEventStore } = require('@cdp/event-store-embedded');

const [dataDir, durability] = process.argv.slice(2);
const store = openEmbeddedEventStore({ dataDir, durability });
let n = 0;

async function writer(lane) {
  for (;;) {
    const stream = `customer-${lane}-${n++ % 50}`;
    const events = Array.from({ length: 1 + (n % 3) }, () => ({
      eventId: randomUUID(),
      type: 'InteractionRecorded',
      schemaVersion: 1,
      data: { channel: 'web', direction: 'inbound', kind: 'page-viewed', note: 'x'.repeat(500) },
      metadata: {
        correlationId: randomUUID(),
        causationId: randomUUID(),
        occurredAt: new Date().toISOString(),
        source: { service: 'crash-test' },
        actor: { kind: 'system', id: 'crash-test' },
      },
    }));
    await store.appendToStream(stream, events);
    process.stdout.write(events.map((e) => `ack ${stream} ${e.eventId}\n`).join(''));
  }
}

// Several writers at once, so that group commits are in flight when the kill lands.
for (let lane = 0; lane < 4; lane++) writer(lane);
