export { describeReadStoreContract, ReadStoreContractSubject } from './read-store.contract';
export { compareDocuments, compareStrings, matches, referenceCountBy, referenceFind, referenceSumBy, valueAtPath } from './reference-query';
export { randomCondition, randomDocument, randomQuery, seededRandom } from './random-read-models';
