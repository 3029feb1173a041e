/** No segment of that id is defined. */
export class SegmentNotFoundError extends Error {
  readonly code = 'segment-not-found';
  constructor(readonly segmentId: string) {
    super(`No segment ${segmentId} is defined: define it with POST /v1/segments, or list them with GET /v1/segments.`);
  }
}
