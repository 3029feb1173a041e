import { Json } from '@cdp/event-model';
import { Customer360Document } from '@cdp/customer-360';

/**
 * What segment conditions read of the 360° view, copied from it after each of its changes. The personal fields are
 * kept sealed, as the view keeps them: they are opened only while a condition that needs them is evaluated.
 */
export type SubjectFacts = {
  country: string | null;
  region: string | null;
  companySize: string | null;
  partyKind: string | null;
  orderCount: number;
  lastOrderAt: string | null;
  atRiskFrom: string | null;
  churnedFrom: string | null;
  reportingRevenue: number;
  rfmFrequency: number | null;
  rfmMonetary: number | null;
  openComplaintCount: number;
  openReturnCount: number;
  returnRate: number;
  /** `<channel>/<purpose>` of each consent granted and not withdrawn. */
  consents: string[];
  /** Sealed (`pii:v1:…`), `{ erased: true }`, or null when the profile has none. */
  sealed: { birthDate: Json; gender: Json; occupation: Json };
};

export function subjectFactsOf(view: Customer360Document): SubjectFacts {
  const consents: string[] = [];
  for (const [channel, purposes] of Object.entries(view.consents)) {
    for (const [purpose, state] of Object.entries(purposes)) if (state.granted) consents.push(`${channel}/${purpose}`);
  }
  return {
    country: view.country,
    region: view.region,
    companySize: view.profile.company?.size ?? null,
    partyKind: view.partyKind,
    orderCount: view.orderCount,
    lastOrderAt: view.lastOrderAt,
    atRiskFrom: view.atRiskFrom,
    churnedFrom: view.churnedFrom,
    reportingRevenue: view.reportingRevenue,
    rfmFrequency: view.rfmFrequency,
    rfmMonetary: view.rfmMonetary,
    openComplaintCount: view.openComplaintCount,
    openReturnCount: view.openReturns.length,
    returnRate: view.returnRate,
    consents: consents.sort(),
    sealed: { birthDate: view.profile.birthDate ?? null, gender: view.profile.gender ?? null, occupation: view.profile.occupation ?? null },
  };
}

/** Facts of a customer the 360° view does not know yet (no customer event folded). */
export function emptySubjectFacts(): SubjectFacts {
  return {
    country: null,
    region: null,
    companySize: null,
    partyKind: null,
    orderCount: 0,
    lastOrderAt: null,
    atRiskFrom: null,
    churnedFrom: null,
    reportingRevenue: 0,
    rfmFrequency: null,
    rfmMonetary: null,
    openComplaintCount: 0,
    openReturnCount: 0,
    returnRate: 0,
    consents: [],
    sealed: { birthDate: null, gender: null, occupation: null },
  };
}
