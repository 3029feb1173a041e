import { RecordedEvent } from '@cdp/event-model';
import { compileCondition, EvaluatedSegment, personalFieldsOf, SegmentRules } from '@cdp/segments';
import { evolveSegmentDocument, SegmentDocument } from './segment-document';

/** The segments the worker knows, and the compiled conditions of those it evaluates (every one not archived). */
export class SegmentRegistry {
  private readonly documents = new Map<string, SegmentDocument>();
  private readonly compiled = new Map<string, EvaluatedSegment & { personal: boolean }>();

  constructor(private readonly rules: SegmentRules) {}

  load(documents: Iterable<SegmentDocument>): void {
    this.documents.clear();
    this.compiled.clear();
    for (const document of documents) this.put(document);
  }

  /** Folds a segment event; returns the changed document, or null when the event was already folded. */
  apply(event: RecordedEvent): SegmentDocument | null {
    const segmentId = event.streamId.slice('segment-'.length);
    const before = this.documents.get(segmentId) ?? null;
    const after = evolveSegmentDocument(before, event);
    if (after === null || after === before) return null;
    this.put(after);
    return after;
  }

  update(document: SegmentDocument): void {
    this.put(document);
  }

  get(segmentId: string): SegmentDocument | undefined {
    return this.documents.get(segmentId);
  }

  /** Every segment evaluated live: the current version of each segment not archived. */
  active(): EvaluatedSegment[] {
    return [...this.compiled.values()];
  }

  /** Segments whose current version has not yet been evaluated over every customer. */
  evaluating(): SegmentDocument[] {
    return [...this.documents.values()].filter((document) => document.status === 'evaluating');
  }

  all(): SegmentDocument[] {
    return [...this.documents.values()];
  }

  compiledOf(segmentId: string): EvaluatedSegment | undefined {
    return this.compiled.get(segmentId);
  }

  /** True when a segment evaluated live reads a personal field (age, gender, occupation). */
  get needsPersonalFields(): boolean {
    for (const segment of this.compiled.values()) if (segment.personal) return true;
    return false;
  }

  private put(document: SegmentDocument): void {
    const { segment } = document;
    this.documents.set(segment.segmentId, document);
    if (document.status === 'archived') {
      this.compiled.delete(segment.segmentId);
      return;
    }
    const current = this.compiled.get(segment.segmentId);
    if (current?.version === segment.version) return;
    this.compiled.set(segment.segmentId, {
      segmentId: segment.segmentId,
      version: segment.version,
      matches: compileCondition(segment.conditions, this.rules),
      personal: personalFieldsOf(segment.conditions).size > 0,
    });
  }
}
