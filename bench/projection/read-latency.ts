import { ReadCollection } from '@cdp/read-store';
import { getCustomerView } from './customer-api';
import { Percentiles, percentiles } from './percentiles';

export interface ReadLatency {
  /** GET /v1/customers/{id}, one after the other, each timed from the request to the whole body read. */
  http: Percentiles;
  /** collection.get(id) on the same read model, in this process: the store's share of the above. */
  store: Percentiles;
  /** Answers other than 200 among the timed HTTP reads (every id exists, so none is expected). */
  notFound: number;
}

export interface ReadLatencyOptions {
  baseUrl: string;
  collection: ReadCollection;
  /** A random existing customer id at each call. */
  randomId: () => string;
  warmup: number;
  reads: number;
}

export async function timeReads({ baseUrl, collection, randomId, warmup, reads }: ReadLatencyOptions): Promise<ReadLatency> {
  let notFound = 0;
  const http: number[] = [];
  for (let i = 0; i < warmup + reads; i++) {
    const id = randomId();
    const started = performance.now();
    const answer = await getCustomerView(baseUrl, id);
    const ms = performance.now() - started;
    if (i < warmup) continue;
    http.push(ms);
    if (answer.status !== 200) notFound++;
  }
  const store: number[] = [];
  for (let i = 0; i < warmup + reads; i++) {
    const id = randomId();
    const started = performance.now();
    const document = await collection.get(id);
    const ms = performance.now() - started;
    if (!document) throw new Error(`customer ${id} is missing from the read model`);
    if (i >= warmup) store.push(ms);
  }
  return { http: percentiles(http), store: percentiles(store), notFound };
}
