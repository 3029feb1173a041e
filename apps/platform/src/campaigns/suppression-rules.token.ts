/** The platform's suppression settings (`SuppressionRules`): the default cooling-off period. */
export const SUPPRESSION_RULES = Symbol('SUPPRESSION_RULES');
