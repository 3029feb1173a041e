/** Head-count bands, as B2B segments use them. */
export const companySizes = ['1-9', '10-49', '50-249', '250-999', '1000+'] as const;
export type CompanySize = (typeof companySizes)[number];
