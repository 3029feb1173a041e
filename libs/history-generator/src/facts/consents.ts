import { Channel, ConsentPurpose, consentPurposes, JsonObject } from '@cdp/event-model';
import { drawFrom, HistoryContext, weighted } from '../history-context';

/** The channels parties consent on; with the three purposes, 15 (channel, purpose) bits per party. */
const consentChannels: readonly Channel[] = ['email', 'sms', 'phone', 'letter', 'web'];
export const allConsents = (1 << (consentChannels.length * consentPurposes.length)) - 1;

const channelChoice = weighted<number>([[0, 55], [1, 20], [2, 8], [3, 7], [4, 10]]);
const purposeChoice = weighted<number>([[0, 60], [1, 25], [2, 15]]);
const sources = ['web-form', 'checkout', 'preference-centre', 'store-till', 'call-centre'];
const withdrawalReasons = ['unsubscribe link', 'too many messages', 'preference centre', 'asked by phone'];

function pair(bit: number): { channel: Channel; purpose: ConsentPurpose } {
  return { channel: consentChannels[Math.floor(bit / consentPurposes.length)], purpose: consentPurposes[bit % consentPurposes.length] };
}

/** A consent the party has not given yet (see canRecord: some is left). */
export function consentGranted(ctx: HistoryContext, party: number): JsonObject {
  const { table, random } = ctx;
  const granted = table.consents[party];
  let bit = drawFrom(random, channelChoice) * consentPurposes.length + drawFrom(random, purposeChoice);
  while (granted & (1 << bit)) bit = (bit + 1) % (consentChannels.length * consentPurposes.length);
  table.consents[party] = granted | (1 << bit);
  const { channel, purpose } = pair(bit);
  const data: JsonObject = { channel, purpose, source: random.pick(sources) };
  if (random.chance(0.5)) data.proof = `double-opt-in:${random.uint32().toString(16)}`;
  return data;
}

/** One of the consents the party gave (see canRecord: there is one). */
export function consentWithdrawn(ctx: HistoryContext, party: number): JsonObject {
  const { table, random } = ctx;
  const granted = table.consents[party];
  const bits = consentChannels.length * consentPurposes.length;
  let bit = random.below(bits);
  while (!(granted & (1 << bit))) bit = (bit + 1) % bits;
  table.consents[party] = granted & ~(1 << bit);
  const data: JsonObject = pair(bit);
  if (random.chance(0.5)) data.reason = random.pick(withdrawalReasons);
  return data;
}
