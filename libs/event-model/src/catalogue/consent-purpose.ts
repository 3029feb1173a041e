/** What a consent covers (GDPR: consent is given per purpose, and per channel). */
export const consentPurposes = ['marketing', 'service', 'profiling'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];
