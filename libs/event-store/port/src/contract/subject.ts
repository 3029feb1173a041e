import { EventStore } from '../event-store';

/** An adapter under test: how to open it, and what it promises beyond the common contract. */
export interface EventStoreContractSubject {
  name: string;
  open(): Promise<EventStore>;
  capabilities: {
    /** Retries are idempotent with any expected revision (embedded: yes; EventStoreDB: only exact/no_stream). */
    alwaysIdempotent: boolean;
  };
}
