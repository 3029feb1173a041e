// Runs only when EVENTSTORE_CONNECTION_STRING points at a server (see jest.config.js), e.g.
// EVENTSTORE_CONNECTION_STRING='esdb://localhost:2113?tls=false' npx jest --selectProjects int -- eventstoredb
import { eventStoreContract } from '@cdp/event-store/contract';
import { connectEventStoreDb } from './eventstoredb-event-store';

eventStoreContract({
  name: 'EventStoreDB',
  open: async () => connectEventStoreDb(process.env.EVENTSTORE_CONNECTION_STRING!),
  capabilities: { alwaysIdempotent: false },
});
