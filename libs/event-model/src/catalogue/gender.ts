export const genders = ['female', 'male', 'non-binary', 'undisclosed'] as const;
export type Gender = (typeof genders)[number];
