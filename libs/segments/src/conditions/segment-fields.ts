import { companySizes, genders, partyKinds } from '@cdp/event-model';
import { lifecycleStages } from '@cdp/customer-360';

export type FieldType = 'string' | 'number' | 'boolean';

export interface FieldSpec {
  type: FieldType;
  /** The only values it takes (an enumeration). */
  values?: readonly string[];
  integer?: boolean;
  min?: number;
  max?: number;
  /** Read from a personal field of the profile: opened only while evaluating, never stored in clear. */
  personal?: 'birthDate' | 'gender' | 'occupation';
  description: string;
}

const score = (description: string): FieldSpec => ({ type: 'number', integer: true, min: 1, max: 5, description });

/** Every field a condition may test, with its type: the catalogue the API documents and the parser checks against. */
export const segmentFields = {
  country: { type: 'string', description: 'ISO 3166-1 alpha-2 code of the address, e.g. "GB".' },
  region: { type: 'string', description: 'Region of the address.' },
  age: { type: 'number', integer: true, min: 0, max: 150, personal: 'birthDate', description: 'Full years since the birth date (UTC).' },
  gender: { type: 'string', values: genders, personal: 'gender', description: 'As the party stated it.' },
  occupation: { type: 'string', personal: 'occupation', description: 'As the party stated it.' },
  companySize: { type: 'string', values: companySizes, description: 'Head-count band of the party’s company.' },
  partyKind: { type: 'string', values: partyKinds, description: 'customer, prospect, partner, supplier… (XRM).' },
  lifecycleStage: { type: 'string', values: lifecycleStages, description: 'prospect, active, at-risk or churned, now (docs/customer-360.md).' },
  rfmRecency: score('Recency score 1-5, now.'),
  rfmFrequency: score('Frequency score 1-5.'),
  rfmMonetary: score('Monetary score 1-5.'),
  revenue: { type: 'number', min: 0, description: 'Revenue in the reporting currency.' },
  orderCount: { type: 'number', integer: true, min: 0, description: 'Orders placed, cancelled ones included.' },
  daysSinceLastOrder: { type: 'number', integer: true, min: 0, description: 'Whole days since the last order, now; missing without an order.' },
  openComplaints: { type: 'number', integer: true, min: 0, description: 'Complaints opened and not resolved.' },
  openReturns: { type: 'number', integer: true, min: 0, description: 'Returns requested and not yet refunded or rejected.' },
  hasOpenComplaint: { type: 'boolean', description: 'At least one open complaint.' },
  hasOpenReturn: { type: 'boolean', description: 'At least one open return.' },
  returnRate: { type: 'number', min: 0, description: 'Returns per order placed.' },
} as const satisfies Record<string, FieldSpec>;

export type SegmentFieldName = keyof typeof segmentFields;
export const segmentFieldNames = Object.keys(segmentFields) as SegmentFieldName[];

export function isSegmentField(name: string): name is SegmentFieldName {
  return Object.prototype.hasOwnProperty.call(segmentFields, name);
}

export function fieldSpec(name: SegmentFieldName): FieldSpec {
  return segmentFields[name];
}
