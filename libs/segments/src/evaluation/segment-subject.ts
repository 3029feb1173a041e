import { BehaviourLog } from '../behaviour/behaviour-log';
import { SubjectFacts } from './subject-facts';

/** The personal fields a condition may read, opened (null when absent, erased or unreadable). */
export type OpenedPersonalFields = { birthDate?: string | null; gender?: string | null; occupation?: string | null };

/** One customer as segment conditions see them. */
export interface SegmentSubject {
  customerId: string;
  facts: SubjectFacts;
  behaviour: BehaviourLog;
  personal: OpenedPersonalFields;
}
