import { isAtOrAfter } from './business-time';
import { Customer360Document, LastInteraction } from './customer-360-document';
import { EventOf } from './customer-360-event';

/** Counts per channel and keeps the latest interaction by business time. The note (free text) is never kept. */
export function foldInteraction(doc: Customer360Document, event: EventOf<'InteractionRecorded'>): Customer360Document {
  const { channel, direction, kind, productId, campaignId } = event.data;
  const current = doc.interactionsByChannel[channel];
  const interaction: LastInteraction = { at: event.occurredAt, kind, direction, productId: productId ?? null, campaignId: campaignId ?? null };
  const last = current && !isAtOrAfter(event.occurredAt, current.last.at) ? current.last : interaction;
  return {
    ...doc,
    interactionCount: doc.interactionCount + 1,
    interactionsByChannel: { ...doc.interactionsByChannel, [channel]: { count: (current?.count ?? 0) + 1, last } },
  };
}
