/** A client reused an event id for a different command: replaying it would silently drop the new one. */
export class EventIdReusedError extends Error {
  readonly code = 'event-id-reused';
  constructor(readonly streamId: string, readonly eventId: string) {
    super(`event ${eventId} was already recorded in ${streamId} with different content: use a new eventId for a new command`);
  }
}
