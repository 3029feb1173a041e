import { BlockRule, blockRules } from '../suppression/block-reason';

/** How many members a computed audience kept and left out, and how many were left out by each rule (a member once per rule). */
export type AudienceCounts = {
  members: number;
  audience: number;
  excluded: number;
  byRule: Record<BlockRule, number>;
};

export function emptyAudienceCounts(): AudienceCounts {
  return { members: 0, audience: 0, excluded: 0, byRule: Object.fromEntries(blockRules.map((rule) => [rule, 0])) as Record<BlockRule, number> };
}

export function addAudienceCounts(total: AudienceCounts, part: AudienceCounts): AudienceCounts {
  const byRule = { ...total.byRule };
  for (const rule of blockRules) byRule[rule] += part.byRule[rule];
  return { members: total.members + part.members, audience: total.audience + part.audience, excluded: total.excluded + part.excluded, byRule };
}
