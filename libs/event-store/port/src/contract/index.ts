import { EventStore } from '../event-store';
import { appendingContract } from './appending.contract';
import { metadataAndDeletionContract } from './metadata-and-deletion.contract';
import { readingContract } from './reading.contract';
import { subscribingContract } from './subscribing.contract';
import { EventStoreContractSubject } from './subject';

export { EventStoreContractSubject } from './subject';

/**
 * The behaviour every event store adapter must have, written once (Emmett's shared store tests).
 * Call it from a spec file of the adapter; it opens one store for the whole suite.
 */
export function eventStoreContract(subject: EventStoreContractSubject): void {
  describe(`${subject.name} event store contract`, () => {
    let opened: EventStore | undefined;
    const store = (): EventStore => {
      if (!opened) throw new Error(`${subject.name}: the store did not open`);
      return opened;
    };
    beforeAll(async () => {
      opened = await subject.open();
    });
    afterAll(async () => {
      await opened?.close();
    });

    appendingContract(subject, store);
    readingContract(store);
    subscribingContract(store);
    metadataAndDeletionContract(store);
  });
}
