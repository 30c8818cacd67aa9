/**
 * The dashboard's statistics table: paired McNemar tests of base vs warm answers.
 *
 * Owns: which rows the table has and which rows share a false-discovery correction. Rows come
 * in three tiers, and Benjamini–Hochberg is applied within each tier, because rows of different
 * tiers overlap (a family's row contains its two belief rows): tier `overall` (all pairs),
 * tier `family` (one row per task family), tier `family-belief` (each family without and with a
 * stated false belief). The tests themselves (exact McNemar p, Cohen's g, conditional odds
 * ratio b/c with its exact interval) come from core/stats. Invariants: b counts pairs where
 * only the warm answer is wrong (only base correct), c where only the base answer is wrong;
 * groups with no pairs are omitted; no NaN (an odds ratio with c = 0 is Infinity).
 */
import { familyWithDataset } from '../families';
import { benjaminiHochberg, discordantStatistics } from '../stats/mcnemar';
import { PROMPT_GROUP_LABELS } from '../stats/vocabulary';
import type { Family } from '../types';
import { FAMILIES } from '../types';
import type { PairedDifference } from './effects';
import { pairedDifference } from './effects';
import type { AnswerPair } from './pairs';

export type StatsTier = 'overall' | 'family' | 'family-belief';

export type BeliefScope = 'any' | 'no-belief' | 'false-belief';

export const BELIEF_SCOPE_LABELS: Readonly<Record<BeliefScope, string>> = {
  any: 'all prompts',
  'no-belief': PROMPT_GROUP_LABELS.original,
  'false-belief': PROMPT_GROUP_LABELS.user_opinion,
};

export interface StatsRow extends PairedDifference {
  tier: StatsTier;
  family: Family | 'all';
  beliefScope: BeliefScope;
  /** e.g. "medical · false belief stated". */
  label: string;
  /** Null when there are no discordant pairs (no test). */
  pValue: number | null;
  /** Benjamini–Hochberg adjusted p within the row's tier (rows without a test left out). */
  pFdr: number | null;
  cohensG: number | null;
  oddsRatio: number | null;
  oddsRatioLow: number | null;
  oddsRatioHigh: number | null;
  /** Why effect sizes are missing, when they are. */
  note: string;
}

interface Scope {
  tier: StatsTier;
  family: Family | 'all';
  beliefScope: BeliefScope;
  pairs: AnswerPair[];
}

function scopes(pairs: readonly AnswerPair[]): Scope[] {
  const list: Scope[] = [{ tier: 'overall', family: 'all', beliefScope: 'any', pairs: [...pairs] }];
  for (const family of FAMILIES) {
    const ofFamily = pairs.filter((pair) => pair.family === family);
    list.push({ tier: 'family', family, beliefScope: 'any', pairs: ofFamily });
  }
  for (const family of FAMILIES) {
    const ofFamily = pairs.filter((pair) => pair.family === family);
    const noBelief = ofFamily.filter((pair) => pair.condition.belief === 'none');
    const withBelief = ofFamily.filter((pair) => pair.condition.belief !== 'none');
    list.push({ tier: 'family-belief', family, beliefScope: 'no-belief', pairs: noBelief });
    list.push({ tier: 'family-belief', family, beliefScope: 'false-belief', pairs: withBelief });
  }
  return list;
}

function toRow(scope: Scope, difference: PairedDifference): Omit<StatsRow, 'pFdr'> {
  const tests = discordantStatistics(difference.b, difference.c);
  const familyLabel = scope.family === 'all' ? 'All families' : familyWithDataset(scope.family);
  return {
    ...difference,
    tier: scope.tier,
    family: scope.family,
    beliefScope: scope.beliefScope,
    label: `${familyLabel} · ${BELIEF_SCOPE_LABELS[scope.beliefScope]}`,
    pValue: tests.p_value,
    cohensG: tests.cohens_g,
    oddsRatio: tests.odds_ratio,
    oddsRatioLow: tests.odds_ratio_ci95?.[0] ?? null,
    oddsRatioHigh: tests.odds_ratio_ci95?.[1] ?? null,
    note: tests.note ?? '',
  };
}

/**
 * Paired McNemar rows (overall, per family, per family × belief presence) with BH-adjusted
 * p-values within each tier. Groups without pairs are left out.
 */
export function pairedStatsTable(pairs: readonly AnswerPair[]): StatsRow[] {
  const rows: StatsRow[] = [];
  for (const tier of ['overall', 'family', 'family-belief'] as const) {
    const tierRows: Omit<StatsRow, 'pFdr'>[] = [];
    for (const scope of scopes(pairs).filter((s) => s.tier === tier)) {
      const difference = pairedDifference(scope.pairs);
      if (difference) tierRows.push(toRow(scope, difference));
    }
    const adjusted = benjaminiHochberg(tierRows.map((row) => row.pValue));
    tierRows.forEach((row, i) => rows.push({ ...row, pFdr: adjusted[i] ?? row.pValue }));
  }
  return rows;
}
