export { generateHistory, customerIdOf } from './generate-history';
export type { GeneratedEvent } from './generate-history';
export { InvalidHistoryOptionsError, defaultProducts } from './history-options';
export type { HistoryOptions } from './history-options';
export { historyEventMix, eventFamilies } from './event-mix';
export type { HistoryEventType } from './event-mix';
