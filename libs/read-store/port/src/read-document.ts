import { JsonObject } from '@cdp/event-model';

/** Opaque and fixed-width, like the event store's: string order is log order. */
export type Position = string;

/** A document of a read model: its id, the global position of the last event folded into it, and its body. */
export interface ReadDocument<Body extends JsonObject = JsonObject> {
  id: string;
  position: Position;
  body: Body;
}
