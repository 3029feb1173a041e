/** The platform-wide settings of the suppression rule; a campaign may override the cooling-off period. */
export type SuppressionRules = {
  /** Days a refunded or rejected return keeps blocking campaigns for its product. */
  coolingOffDays: number;
};

export const defaultSuppressionRules: SuppressionRules = { coolingOffDays: 30 };
