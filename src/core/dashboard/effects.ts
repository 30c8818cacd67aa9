/**
 * Paired changes in error (warm − base) for the dashboard: overall, per context × belief (the
 * paper's Fig. 5) and per family × context × belief-presence as base-vs-warm points (Fig. 2).
 *
 * Owns: the interval of a paired difference. With n pairs, b where only the warm answer is
 * wrong and c where only the base answer is wrong, the change is Δ = (b − c)/n. Its 95% interval
 * is clustered by question (item): a question's prompts are not independent, so the SE is the
 * cluster-robust SE of the mean paired difference with t on (questions − 1) df, as in the
 * Results headline (core/stats/clusteredDifference.ts). Where that cannot be formed (one
 * question, or no variation between questions) the pairwise Wald interval
 * Δ ± z·√((b + c) − (b − c)²/n)/n stands in and `isClustered` is false; with no discordant pairs
 * its width is zero, which the UI shows together with n. Bounds are clipped to ±100 pp. Invariants: percentage points throughout; a group with no pairs is
 * omitted rather than reported as NaN; rows follow the catalogue order of contexts and beliefs,
 * with custom framings after the built-in ones in sorted order.
 */
import { familyLabel } from '../families';
import { BELIEFS, CONTEXTS } from '../framing';
import { PROMPT_GROUP_LABELS } from '../stats/vocabulary';
import type { ClusterTotals } from '../stats/clusteredDifference';
import { clusteredRatioDifference } from '../stats/clusteredDifference';
import { Z_95 } from '../stats/intervals';
import type { Family } from '../types';
import { FAMILIES } from '../types';
import { beliefLabelOf, contextLabelOf } from './labels';
import type { AnswerPair } from './pairs';

/** A paired comparison of base and warm error over a set of pairs. */
export interface PairedDifference {
  n: number;
  baseErrors: number;
  warmErrors: number;
  /** Pairs where only the warm answer is wrong. */
  b: number;
  /** Pairs where only the base answer is wrong. */
  c: number;
  /** Warm minus base error, in percentage points. */
  pp: number;
  lowPp: number;
  highPp: number;
  /** True when the interval is clustered by question; false for the pairwise fallback. */
  isClustered: boolean;
}

export interface ContextBeliefEffect extends PairedDifference {
  context: string;
  belief: string;
  contextLabel: string;
  beliefLabel: string;
}

export interface ScatterPoint {
  family: Family;
  context: string;
  isBeliefPresent: boolean;
  label: string;
  n: number;
  /** Error rates as proportions in [0, 1]. */
  baseRate: number;
  warmRate: number;
}

/** Per-question totals of the paired answers, for the clustered interval. */
function clusterTotals(pairs: readonly AnswerPair[]): ClusterTotals[] {
  const byItem = new Map<string, ClusterTotals>();
  for (const pair of pairs) {
    let totals = byItem.get(pair.itemId);
    if (!totals) byItem.set(pair.itemId, (totals = { warmY: 0, warmX: 0, baseY: 0, baseX: 0 }));
    totals.warmX++;
    totals.baseX++;
    if (pair.isWarmWrong) totals.warmY++;
    if (pair.isBaseWrong) totals.baseY++;
  }
  return [...byItem.values()];
}

/** Paired difference of warm and base error; null for an empty set of pairs. */
export function pairedDifference(pairs: readonly AnswerPair[]): PairedDifference | null {
  const n = pairs.length;
  if (n === 0) return null;
  let baseErrors = 0;
  let warmErrors = 0;
  let b = 0;
  let c = 0;
  for (const pair of pairs) {
    if (pair.isBaseWrong) baseErrors++;
    if (pair.isWarmWrong) warmErrors++;
    if (pair.isWarmWrong && !pair.isBaseWrong) b++;
    if (pair.isBaseWrong && !pair.isWarmWrong) c++;
  }
  const delta = (b - c) / n;
  const clustered = clusteredRatioDifference(clusterTotals(pairs));
  if (clustered && clustered.lowPp !== null && clustered.highPp !== null) {
    const { lowPp, highPp } = clustered;
    return { n, baseErrors, warmErrors, b, c, pp: 100 * delta, lowPp, highPp, isClustered: true };
  }
  // max(0, …) guards against a tiny negative from rounding when every pair is discordant one way.
  const halfWidth = (Z_95 * Math.sqrt(Math.max(0, b + c - (b - c) ** 2 / n))) / n;
  return {
    n,
    baseErrors,
    warmErrors,
    b,
    c,
    pp: 100 * delta,
    lowPp: 100 * Math.max(-1, delta - halfWidth),
    highPp: 100 * Math.min(1, delta + halfWidth),
    isClustered: false,
  };
}

/** Groups pairs by a string key, keeping first-seen order within each group. */
export function groupPairs(
  pairs: readonly AnswerPair[],
  keyOf: (pair: AnswerPair) => string,
): Map<string, AnswerPair[]> {
  const groups = new Map<string, AnswerPair[]>();
  for (const pair of pairs) {
    const key = keyOf(pair);
    const group = groups.get(key);
    if (group) group.push(pair);
    else groups.set(key, [pair]);
  }
  return groups;
}

/** Built-in ids in catalogue order, then any other ids seen, sorted. */
function orderIds(builtIn: readonly string[], seen: Iterable<string>): string[] {
  const extra = [...new Set(seen)].filter((id) => !builtIn.includes(id)).sort();
  return [...builtIn, ...extra];
}

/** Change in error (pp, warm − base) per context × belief, with paired 95% intervals. */
export function contextBeliefEffects(pairs: readonly AnswerPair[]): ContextBeliefEffect[] {
  const groups = groupPairs(pairs, (p) => `${p.condition.context}\u0000${p.condition.belief}`);
  const contexts = orderIds(
    CONTEXTS.map((c) => c.id),
    pairs.map((p) => p.condition.context),
  );
  const beliefs = orderIds(
    BELIEFS.map((b) => b.id),
    pairs.map((p) => p.condition.belief),
  );
  const rows: ContextBeliefEffect[] = [];
  for (const context of contexts) {
    for (const belief of beliefs) {
      const difference = pairedDifference(groups.get(`${context}\u0000${belief}`) ?? []);
      if (!difference) continue;
      const labels = { contextLabel: contextLabelOf(context), beliefLabel: beliefLabelOf(belief) };
      rows.push({ context, belief, ...labels, ...difference });
    }
  }
  return rows;
}

/**
 * Base error against warm error per family × context, split by whether the user stated a false
 * belief (the paper's Fig. 2 marks these filled and hollow).
 */
export function baseWarmPoints(pairs: readonly AnswerPair[]): ScatterPoint[] {
  const keyOf = (p: AnswerPair) =>
    `${p.family}\u0000${p.condition.context}\u0000${p.condition.belief !== 'none'}`;
  const groups = groupPairs(pairs, keyOf);
  const contexts = orderIds(
    CONTEXTS.map((c) => c.id),
    pairs.map((p) => p.condition.context),
  );
  const points: ScatterPoint[] = [];
  for (const family of FAMILIES) {
    for (const context of contexts) {
      for (const isBeliefPresent of [false, true]) {
        const difference = pairedDifference(
          groups.get(`${family}\u0000${context}\u0000${isBeliefPresent}`) ?? [],
        );
        if (!difference) continue;
        points.push({
          family,
          context,
          isBeliefPresent,
          label: `${familyLabel(family)} · ${contextLabelOf(context)} · ${isBeliefPresent ? PROMPT_GROUP_LABELS.user_opinion : PROMPT_GROUP_LABELS.original}`,
          n: difference.n,
          baseRate: difference.baseErrors / difference.n,
          warmRate: difference.warmErrors / difference.n,
        });
      }
    }
  }
  return points;
}
