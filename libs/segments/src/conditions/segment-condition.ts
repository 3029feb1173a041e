import { Channel, ConsentPurpose } from '@cdp/event-model';
import { SegmentFieldName } from './segment-fields';

export const comparisonOps = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte'] as const;
export type ComparisonOp = (typeof comparisonOps)[number];
export const listOps = ['in', 'nin'] as const;
export type ListOp = (typeof listOps)[number];
export const conditionOps = [...comparisonOps, ...listOps, 'exists'] as const;
export type ConditionOp = (typeof conditionOps)[number];

export type FieldValue = string | number | boolean;

/** A test on one field of the customer: `{ "field": "age", "op": "gte", "value": 30 }`. */
export type FieldCondition =
  | { field: SegmentFieldName; op: ComparisonOp; value: FieldValue }
  | { field: SegmentFieldName; op: ListOp; values: FieldValue[] }
  | { field: SegmentFieldName; op: 'exists'; value: boolean };

/** Consented (and not withdrawn) to be contacted on the channel for the purpose. */
export type ConsentCondition = { consent: { channel: Channel; purpose: ConsentPurpose } };

/** At least `atLeast` orders holding the product (by productId or sku) or a product of the category (exactly one is set), in the last `withinDays` days. */
export type BoughtCondition = { bought: { product?: string; category?: string; atLeast: number; withinDays: number } };

export const interactionDirections = ['inbound', 'outbound', 'any'] as const;
export type InteractionDirection = (typeof interactionDirections)[number];

/** At least `atLeast` interactions on the channel in the last `withinDays` days (inbound: the party reached us). */
export type InteractedCondition = { interacted: { channel: Channel; withinDays: number; atLeast: number; direction: InteractionDirection } };

export const campaignActions = ['opened', 'clicked'] as const;
export type CampaignAction = (typeof campaignActions)[number];

/** Opened or clicked the campaign (an interaction of kind `*-opened` / `*-clicked` naming it) in the last `withinDays` days. */
export type CampaignResponseCondition = { campaign: { campaignId: string; action: CampaignAction; withinDays: number } };

export type SegmentCondition =
  | { all: SegmentCondition[] }
  | { any: SegmentCondition[] }
  | { not: SegmentCondition }
  | FieldCondition
  | ConsentCondition
  | BoughtCondition
  | InteractedCondition
  | CampaignResponseCondition;

/** How far back a behaviour condition may look: the behaviour log keeps this much history. */
export const maxWindowDays = 366;
/** Bounds that keep one definition cheap to evaluate for every customer. */
export const maxConditionDepth = 8;
export const maxConditionNodes = 200;
