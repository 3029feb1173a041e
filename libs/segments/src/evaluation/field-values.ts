import { lifecycleStageOf, recencyScore } from '@cdp/customer-360';
import { SegmentFieldName } from '../conditions/segment-fields';
import { changesAt, EvaluationContext } from './evaluation-context';
import { SegmentRules } from './segment-rules';
import { SegmentSubject } from './segment-subject';

const dayMs = 86_400_000;

export type FieldReading = string | number | boolean | null;

/**
 * The value of a field for the subject at `context.now`; null when unknown. Values that move with time also note in
 * the context when they next change (thresholds of derived day counts are noted by the comparison, which knows them).
 */
export function readField(field: SegmentFieldName, subject: SegmentSubject, context: EvaluationContext, rules: SegmentRules): FieldReading {
  const { facts, personal } = subject;
  switch (field) {
    case 'country':
      return facts.country;
    case 'region':
      return facts.region;
    case 'age':
      return ageOf(personal.birthDate ?? null, context);
    case 'gender':
      return personal.gender ?? null;
    case 'occupation':
      return personal.occupation ?? null;
    case 'companySize':
      return facts.companySize;
    case 'partyKind':
      return facts.partyKind;
    case 'lifecycleStage':
      for (const date of [facts.atRiskFrom, facts.churnedFrom]) if (date !== null) changesAt(context, Date.parse(date));
      return lifecycleStageOf(facts, new Date(context.now));
    case 'rfmRecency':
      if (facts.lastOrderAt !== null) {
        // The score drops the moment the elapsed time passes a threshold (recencyScore counts a threshold as within).
        for (const days of rules.recencyScoreDays) changesAt(context, Date.parse(facts.lastOrderAt) + Math.round(days * dayMs) + 1);
      }
      return recencyScore(facts.lastOrderAt, new Date(context.now), rules);
    case 'rfmFrequency':
      return facts.rfmFrequency;
    case 'rfmMonetary':
      return facts.rfmMonetary;
    case 'revenue':
      return facts.reportingRevenue;
    case 'orderCount':
      return facts.orderCount;
    case 'daysSinceLastOrder':
      return facts.lastOrderAt === null ? null : Math.floor((context.now - Date.parse(facts.lastOrderAt)) / dayMs);
    case 'openComplaints':
      return facts.openComplaintCount;
    case 'openReturns':
      return facts.openReturnCount;
    case 'hasOpenComplaint':
      return facts.openComplaintCount > 0;
    case 'hasOpenReturn':
      return facts.openReturnCount > 0;
    case 'returnRate':
      return facts.returnRate;
  }
}

/** The instant the derived day count of `field` reaches `days`, for the comparison to note; null for other fields. */
export function dayCountReachedAt(field: SegmentFieldName, subject: SegmentSubject, days: number): number | null {
  if (field !== 'daysSinceLastOrder' || subject.facts.lastOrderAt === null) return null;
  return Date.parse(subject.facts.lastOrderAt) + days * dayMs;
}

/** Full years at `now` (UTC) from a `YYYY-MM-DD` birth date; notes the next birthday. */
function ageOf(birthDate: string | null, context: EvaluationContext): number | null {
  const match = birthDate === null ? null : /^(\d{4})-(\d{2})-(\d{2})/.exec(birthDate);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const now = new Date(context.now);
  const birthdayThisYear = Date.UTC(now.getUTCFullYear(), month, day);
  const hadBirthday = context.now >= birthdayThisYear;
  changesAt(context, hadBirthday ? Date.UTC(now.getUTCFullYear() + 1, month, day) : birthdayThisYear);
  const age = now.getUTCFullYear() - year - (hadBirthday ? 0 : 1);
  return age >= 0 ? age : null;
}
