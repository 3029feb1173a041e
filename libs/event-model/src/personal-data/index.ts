export { PersonalData, ContainsPersonalData, personalMarks } from './personal-data.decorators';
export type { PersonalMark } from './personal-data.decorators';
export * from './erased-marker';
