import { JsonObject } from '@cdp/event-model';
import { DocumentState } from './fold-batch';

/**
 * The documents a runner last read or wrote, least recently used evicted first. Coherent because a projection
 * has a single writer: nothing else changes its collection behind its back. Cleared after any store failure,
 * when what the store holds is no longer certain.
 */
export class DocumentCache<Body extends JsonObject = JsonObject> {
  private readonly entries = new Map<string, DocumentState<Body>>();

  constructor(private readonly capacity: number) {}

  get(id: string): DocumentState<Body> | undefined {
    const entry = this.entries.get(id);
    if (entry !== undefined) {
      this.entries.delete(id);
      this.entries.set(id, entry);
    }
    return entry;
  }

  set(id: string, state: DocumentState<Body>): void {
    if (this.capacity === 0) return;
    this.entries.delete(id);
    this.entries.set(id, state);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}
