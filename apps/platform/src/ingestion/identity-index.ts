import { Inject, Injectable } from '@nestjs/common';
import { EventMetadataInput, identityStream } from '@cdp/event-model';
import { EventStore, StreamNotFoundError, WrongExpectedVersionError } from '@cdp/event-store';
import { PartyIdentifier } from '@cdp/ingestion';
import { createHmac } from 'node:crypto';
import { v5 as uuidV5 } from 'uuid';
import { EVENT_STORE } from '../event-store/event-store.token';
import { IDENTITY_HASH_KEY } from './identity-hash-key.token';

const maxCachedOwners = 50_000;
// Fixed forever: the id of a claim derives from the id of the IdentityLinked event that made it.
const claimNamespace = '6f1d3c52-2a4b-4f0e-9d51-1c8e5b7a9f20';

/**
 * Which customer an identifier belongs to. Each identifier has a stream of its own whose first
 * event, IdentityClaimed, names the owner: appending it with `no_stream` makes the first claim win,
 * across processes, with no other store. The stream is named by a keyed hash, never the identifier.
 */
@Injectable()
export class IdentityIndex {
  private readonly owners = new Map<string, string>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(IDENTITY_HASH_KEY) private readonly hashKey: Buffer,
  ) {}

  async ownerOf(identifier: PartyIdentifier): Promise<string | undefined> {
    const stream = this.streamOf(identifier);
    const cached = this.owners.get(stream);
    if (cached) return cached;
    try {
      for await (const event of this.store.readStream(stream, { maxCount: 1 })) {
        const owner = (event.data as { customerId: string }).customerId;
        this.remember(stream, owner);
        return owner;
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return undefined;
  }

  /** Claims the identifier for the customer unless another one holds it; answers the owner either way. */
  async claim(identifier: PartyIdentifier, customerId: string, linkEventId: string, metadata: EventMetadataInput): Promise<string> {
    const stream = this.streamOf(identifier);
    const claim = { eventId: uuidV5(linkEventId, claimNamespace), type: 'IdentityClaimed', schemaVersion: 1, data: { customerId }, metadata };
    try {
      await this.store.appendToStream(stream, [claim], { expectedRevision: 'no_stream' });
      this.remember(stream, customerId);
      return customerId;
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      return (await this.ownerOf(identifier)) as string;
    }
  }

  streamOf({ kind, value }: PartyIdentifier): string {
    const hash = createHmac('sha256', this.hashKey).update(`${kind}\n${normalise(kind, value)}`).digest('hex').slice(0, 40);
    return identityStream(`${kind}.${hash}`);
  }

  private remember(stream: string, owner: string): void {
    this.owners.set(stream, owner);
    if (this.owners.size > maxCachedOwners) this.owners.delete(this.owners.keys().next().value as string);
  }
}

/** The same person writes "Ada@Example.org " on one form and "ada@example.org" on another. */
function normalise(kind: PartyIdentifier['kind'], value: string): string {
  const trimmed = value.trim();
  if (kind === 'email') return trimmed.toLowerCase();
  if (kind === 'phone') return trimmed.replace(/[\s().-]/g, '');
  return trimmed;
}
