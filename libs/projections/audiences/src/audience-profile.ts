import { emptySuppressionLog, evolveSuppressionLog, SuppressionLog, suppressionEventTypes } from '@cdp/campaigns';
import { RecordedEvent } from '@cdp/event-model';
import { BehaviourLog, behaviourEventTypes, emptyBehaviourLog, emptySubjectFacts, evolveBehaviour, SubjectFacts } from '@cdp/segments';

/**
 * What the audiences worker keeps of one customer: the 360° facts segments read (copied from the 360° view, which
 * folds them), the behaviour log and the suppression log (folded here, from the customer's events).
 */
export type AudienceProfile = {
  customerId: string;
  facts: SubjectFacts;
  behaviour: BehaviourLog;
  suppression: SuppressionLog;
};

export const emptyAudienceProfile = (customerId: string): AudienceProfile => ({
  customerId,
  facts: emptySubjectFacts(),
  behaviour: emptyBehaviourLog(),
  suppression: emptySuppressionLog(),
});

const behaviourTypes = new Set<string>(behaviourEventTypes);
const suppressionTypes = new Set<string>(suppressionEventTypes);

/** The profile after one more event of the customer (log order, upcast). Pure; facts are set apart (withFacts). */
export function evolveAudienceProfile(profile: AudienceProfile, event: RecordedEvent): AudienceProfile {
  const behaviour = behaviourTypes.has(event.type) ? evolveBehaviour(profile.behaviour, event) : profile.behaviour;
  const suppression = suppressionTypes.has(event.type) ? evolveSuppressionLog(profile.suppression, event) : profile.suppression;
  return behaviour === profile.behaviour && suppression === profile.suppression ? profile : { ...profile, behaviour, suppression };
}
