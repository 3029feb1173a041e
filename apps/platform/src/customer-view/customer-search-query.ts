import { Customer360Rules, lifecycleStageConditions, recencyScoreConditions } from '@cdp/customer-360';
import { Condition, SortOrder } from '@cdp/read-store';
import { parseInstant } from '../http/params/instant';
import { RequestValidationError } from '../http/request-validation-error';
import { CustomerSearchParams } from './dtos/customer-search.params';

export interface CustomerSearch {
  where: Condition[];
  sort: SortOrder;
}

/**
 * The read-store query for validated search parameters. Only typed values reach the conditions, and
 * only the fields named here: the query string can never name a field or an operator.
 */
export function customerSearchQuery(params: CustomerSearchParams, now: Date, rules: Customer360Rules): CustomerSearch {
  const where: Condition[] = [];
  if (params.country) where.push({ field: 'country', op: 'in', values: params.country });
  if (params.partyKind) where.push({ field: 'partyKind', op: 'in', values: params.partyKind });
  if (params.stage) where.push(...lifecycleStageConditions(params.stage, now, rules));

  const scores = rfmScores(params);
  if (scores.recency !== undefined) where.push(...recencyScoreConditions(scores.recency, now, rules));
  if (scores.frequency !== undefined) where.push({ field: 'rfmFrequency', op: 'eq', value: scores.frequency });
  if (scores.monetary !== undefined) where.push({ field: 'rfmMonetary', op: 'eq', value: scores.monetary });

  if (params.revenueMin !== undefined) where.push({ field: 'reportingRevenue', op: 'gte', value: params.revenueMin });
  if (params.revenueMax !== undefined) where.push({ field: 'reportingRevenue', op: 'lte', value: params.revenueMax });
  if (params.ordersMin !== undefined) where.push({ field: 'orderCount', op: 'gte', value: params.ordersMin });
  if (params.ordersMax !== undefined) where.push({ field: 'orderCount', op: 'lte', value: params.ordersMax });
  if (params.lastOrderFrom !== undefined) where.push({ field: 'lastOrderAt', op: 'gte', value: isoInstant(params.lastOrderFrom) });
  if (params.lastOrderTo !== undefined) where.push({ field: 'lastOrderAt', op: 'lt', value: isoInstant(params.lastOrderTo) });
  if (params.openComplaint !== undefined) {
    where.push(params.openComplaint ? { field: 'openComplaintCount', op: 'gt', value: 0 } : { field: 'openComplaintCount', op: 'eq', value: 0 });
  }
  if (params.returnRateMin !== undefined) where.push({ field: 'returnRate', op: 'gte', value: params.returnRateMin });

  const sort = params.sort ?? 'customerId';
  const descending = sort.startsWith('-');
  const field = descending ? sort.slice(1) : sort;
  return { where, sort: { field: field === 'customerId' ? 'customerId' : field, direction: descending ? 'desc' : 'asc' } };
}

function rfmScores(params: CustomerSearchParams): { recency?: number; frequency?: number; monetary?: number } {
  const fromRfm = params.rfm ? { recency: Number(params.rfm[0]), frequency: Number(params.rfm[1]), monetary: Number(params.rfm[2]) } : {};
  const conflicts = (['recency', 'frequency', 'monetary'] as const).filter((score) => {
    const single = params[`rfm${score[0].toUpperCase()}${score.slice(1)}` as 'rfmRecency' | 'rfmFrequency' | 'rfmMonetary'];
    return single !== undefined && fromRfm[score] !== undefined && single !== fromRfm[score];
  });
  if (conflicts.length > 0) {
    throw new RequestValidationError(conflicts.map((score) => ({ path: 'rfm', message: `rfm and rfm${score[0].toUpperCase()}${score.slice(1)} disagree: give one of them` })));
  }
  return {
    recency: params.rfmRecency ?? fromRfm.recency,
    frequency: params.rfmFrequency ?? fromRfm.frequency,
    monetary: params.rfmMonetary ?? fromRfm.monetary,
  };
}

/** Dates and date-times alike, as the full UTC instants stored in the read model, so string order is time order. */
export function isoInstant(value: string): string {
  const instant = parseInstant(value);
  if (!instant) throw new RangeError(`not an instant the search parameters accept: ${value}`);
  return instant.toISOString();
}
