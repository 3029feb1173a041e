import { IndexDefinition } from '@cdp/read-store';

const asc = (field: string) => ({ field, direction: 'asc' as const });
const desc = (field: string) => ({ field, direction: 'desc' as const });

/** One index per field analysts filter or sort on, and compound ones for the usual filter + sort pairs. */
export const customer360Indexes: readonly IndexDefinition[] = Object.freeze([
  { name: 'country', fields: [asc('country')] },
  { name: 'party_kind', fields: [asc('partyKind')] },
  { name: 'registered_at', fields: [asc('registeredAt')] },
  { name: 'first_order_at', fields: [asc('firstOrderAt')] },
  { name: 'last_order_at', fields: [asc('lastOrderAt')] },
  { name: 'order_count', fields: [asc('orderCount')] },
  { name: 'reporting_revenue', fields: [asc('reportingRevenue')] },
  { name: 'at_risk_from', fields: [asc('atRiskFrom')] },
  { name: 'churned_from', fields: [asc('churnedFrom')] },
  { name: 'rfm_frequency', fields: [asc('rfmFrequency')] },
  { name: 'rfm_monetary', fields: [asc('rfmMonetary')] },
  { name: 'return_rate', fields: [asc('returnRate')] },
  { name: 'open_complaint_count', fields: [asc('openComplaintCount')] },
  // Best customers of a country; a country's customers by recency; a kind of party by recency.
  { name: 'country_reporting_revenue', fields: [asc('country'), desc('reportingRevenue')] },
  { name: 'country_last_order_at', fields: [asc('country'), desc('lastOrderAt')] },
  { name: 'party_kind_last_order_at', fields: [asc('partyKind'), desc('lastOrderAt')] },
]);
