import { Campaign } from '../planning/campaign';
import { SuppressionEntry, SuppressionLog } from './suppression-log';

export const consentPostingKey = (channel: string, purpose: string): string => `consent:${channel}/${purpose}`;
export const productPostingKey = (productIdOrSku: string): string => `product:${productIdOrSku}`;
export const categoryPostingKey = (category: string): string => `category:${category}`;

/** The category the customer's orders give a product, by its productId first, then its sku (as promotionOf reads it). */
export function categoryOfProduct(ids: readonly (string | undefined)[], categories: SuppressionLog['categories']): string | undefined {
  for (const id of ids) if (id !== undefined && categories[id] !== undefined) return categories[id];
  return undefined;
}

/**
 * The customer's log split by what an audience looks up: per consent (channel and purpose), the consent entries;
 * per product (by productId and by sku) and per category, the entries of every return and complaint of it, with the
 * categories of its ids. A campaign then needs only its own keys (campaignPostingKeys): the suppression rule over the
 * merged postings of those keys answers exactly as over the whole log.
 */
export function suppressionPostings(log: SuppressionLog): Map<string, SuppressionLog> {
  const threads = new Map<string, SuppressionEntry[]>();
  for (const entry of log.entries) {
    const thread = entry.returnId !== undefined ? `return:${entry.returnId}` : entry.complaintId !== undefined ? `complaint:${entry.complaintId}` : `consent:${entry.channel}/${entry.purpose}`;
    const entries = threads.get(thread);
    if (entries) entries.push(entry);
    else threads.set(thread, [entry]);
  }
  const postings = new Map<string, SuppressionLog>();
  const post = (key: string, entries: SuppressionEntry[], ids: string[]) => {
    const posting = postings.get(key) ?? { entries: [], categories: {} };
    posting.entries.push(...entries);
    for (const id of ids) if (log.categories[id] !== undefined) posting.categories[id] = log.categories[id];
    postings.set(key, posting);
  };
  for (const [thread, entries] of threads) {
    if (thread.startsWith('consent:')) {
      post(thread, entries, []);
      continue;
    }
    // Requests and openings name the product (a closing folded before them names none yet). The rule reads the one
    // in force at the moment asked, so the thread goes under every product and category any of them names.
    const keys = new Set<string>();
    const ids = new Set<string>();
    for (const naming of entries) {
      if (naming.type !== 'ReturnRequested' && naming.type !== 'ComplaintOpened') continue;
      const named = [naming.productId, naming.sku].filter((id): id is string => id !== undefined);
      for (const id of named) {
        ids.add(id);
        keys.add(productPostingKey(id));
      }
      const category = categoryOfProduct(named, log.categories);
      if (category !== undefined) keys.add(categoryPostingKey(category));
    }
    for (const key of keys) post(key, entries, [...ids]);
  }
  for (const posting of postings.values()) posting.entries.sort(byPosition);
  return postings;
}

/** The posting keys whose entries can block the campaign: its consent, its products, its categories. */
export function campaignPostingKeys(campaign: Campaign): string[] {
  const categories = new Set(campaign.categories);
  if (campaign.suppressionScope === 'category') for (const product of campaign.products) if (product.category !== undefined) categories.add(product.category);
  return [
    consentPostingKey(campaign.channel, campaign.purpose),
    ...new Set(campaign.products.map((product) => productPostingKey(product.sku))),
    ...[...categories].map(categoryPostingKey),
  ];
}

/** Postings of one customer merged into one log: each entry once, in log order. */
export function mergePostings(postings: readonly SuppressionLog[]): SuppressionLog {
  if (postings.length === 1) return postings[0];
  const byId = new Map<string, SuppressionEntry>();
  const categories: { [id: string]: string } = {};
  for (const posting of postings) {
    for (const entry of posting.entries) byId.set(entry.eventId, entry);
    Object.assign(categories, posting.categories);
  }
  return { entries: [...byId.values()].sort(byPosition), categories };
}

function byPosition(a: SuppressionEntry, b: SuppressionEntry): number {
  return a.position < b.position ? -1 : a.position > b.position ? 1 : 0;
}
