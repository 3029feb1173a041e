import { ItemOutcome } from '@cdp/ingestion';

/** What became of one message, and under which customer it was filed when it got that far. */
export type IngestionResult = ItemOutcome & { customerId?: string };
