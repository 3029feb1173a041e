import { NewEvent, RecordedEvent } from '@cdp/event-model';
import {
  AppendResult,
  DeleteExpectedRevision,
  EventStore,
  ExpectedRevision,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  StreamMetadata,
  SubscribeToAllOptions,
  Subscription,
  SubscriptionMessage,
} from '@cdp/event-store';
import { PersonalDataCipher } from '../cipher/personal-data-cipher';
import { customerOfStream, SubjectOfStream } from './subject-of-stream';

export interface EncryptingEventStoreOptions {
  cipher: PersonalDataCipher;
  /** Default: the customer of `customer-<id>` streams. */
  subjectOf?: SubjectOfStream;
}

/**
 * The event store as code allowed to see personal data sees it: personal fields are encrypted on the way
 * in and decrypted on the way out (erased ones read as `{ erased: true }`). Code that may not see personal
 * data uses the store underneath, where those fields are ciphertext.
 */
export class EncryptingEventStore implements EventStore {
  private readonly cipher: PersonalDataCipher;
  private readonly subjectOf: SubjectOfStream;

  constructor(
    private readonly inner: EventStore,
    options: EncryptingEventStoreOptions,
  ) {
    this.cipher = options.cipher;
    this.subjectOf = options.subjectOf ?? customerOfStream;
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options?: { expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult> {
    const subject = this.subjectOf(streamId);
    const stored = subject === undefined ? events : await this.cipher.encryptEvents(subject, events);
    return this.inner.appendToStream(streamId, stored, options);
  }

  async *readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    const subject = this.subjectOf(streamId);
    for await (const event of this.inner.readStream(streamId, options)) {
      yield subject === undefined ? event : await this.cipher.decryptEvent(subject, event);
    }
  }

  async *readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    for await (const event of this.inner.readAll(options)) yield await this.decrypt(event);
  }

  subscribeToAll(options?: SubscribeToAllOptions): Subscription {
    const inner = this.inner.subscribeToAll(options);
    const source = inner[Symbol.asyncIterator]();
    const iterator: AsyncIterator<SubscriptionMessage> = {
      next: async () => {
        const next = await source.next();
        if (next.done || next.value.kind !== 'event') return next;
        return { done: false, value: { kind: 'event', event: await this.decrypt(next.value.event) } };
      },
      // A consumer leaving its for-await loop ends the subscription, as it would the undecorated one.
      return: async () => {
        await inner.close();
        return { done: true, value: undefined };
      },
    };
    return { [Symbol.asyncIterator]: () => iterator, close: () => inner.close() };
  }

  headPosition(): Promise<Position | null> {
    return this.inner.headPosition();
  }

  getStreamMetadata(streamId: string): Promise<StreamMetadata> {
    return this.inner.getStreamMetadata(streamId);
  }

  setStreamMetadata(streamId: string, metadata: StreamMetadata): Promise<void> {
    return this.inner.setStreamMetadata(streamId, metadata);
  }

  deleteStream(streamId: string, options?: { expectedRevision?: DeleteExpectedRevision }): Promise<void> {
    return this.inner.deleteStream(streamId, options);
  }

  tombstoneStream(streamId: string, options?: { expectedRevision?: DeleteExpectedRevision }): Promise<void> {
    return this.inner.tombstoneStream(streamId, options);
  }

  /** Closes the store underneath; the key store belongs to whoever opened it. */
  close(): Promise<void> {
    return this.inner.close();
  }

  private decrypt(event: RecordedEvent): Promise<RecordedEvent> | RecordedEvent {
    const subject = this.subjectOf(event.streamId);
    return subject === undefined ? event : this.cipher.decryptEvent(subject, event);
  }
}
