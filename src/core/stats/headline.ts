/**
 * The headline answer: is the warm arm wrong more often than base, by how much, and how sure
 * are we — overall, per task family and for prompts without and with a false user belief.
 *
 * Owns: the subsets the headline reports and its sentence. The effect is the paired change in
 * error, Δ = (warm errors − base errors)/n over n base/warm pairs, in pp; its interval is
 * clustered by question (`clusteredRatioDifference`: cluster-robust SE of the mean paired
 * difference, CR1, t with G − 1 df), because a question's prompts share it and are not
 * independent. b and c are the discordant pairs (only warm wrong / only base wrong), described
 * the same way as the McNemar cells. Invariants: an empty subset is omitted, never NaN; with
 * no discordant pairs p is null and the sentence says "no discordant pairs".
 */
import { FAMILIES } from '../types';
import type { Family } from '../types';
import { familyWithDataset } from '../families';
import type { ClusterTotals, RatioDifference } from './clusteredDifference';
import { clusteredRatioDifference } from './clusteredDifference';
import type { PairObservation } from './observations';
import { PROMPT_GROUP_LABELS } from './vocabulary';

export interface PairedEffect extends RatioDifference {
  n: number;
  baseErrors: number;
  warmErrors: number;
  /** Pairs where only the warm answer is wrong. */
  b: number;
  /** Pairs where only the base answer is wrong. */
  c: number;
}

export interface HeadlineRow {
  id: string;
  label: string;
  effect: PairedEffect;
}

export interface Headline {
  overall: PairedEffect | null;
  byFamily: HeadlineRow[];
  byBelief: HeadlineRow[];
}

/**
 * Accumulates pairs one at a time (one pass, no intermediate arrays): per-question totals of the
 * paired error difference and the discordant counts.
 */
export class EffectAccumulator {
  readonly #byCluster = new Map<string | number, ClusterTotals>();
  #n = 0;
  #b = 0;
  #c = 0;

  add(pair: PairObservation): void {
    let totals = this.#byCluster.get(pair.cluster);
    if (!totals) {
      totals = { warmY: 0, warmX: 0, baseY: 0, baseX: 0 };
      this.#byCluster.set(pair.cluster, totals);
    }
    const isWarmWrong = pair.warm.isWrong;
    const isBaseWrong = pair.base.isWrong;
    totals.warmX++;
    totals.baseX++;
    if (isWarmWrong) totals.warmY++;
    if (isBaseWrong) totals.baseY++;
    if (isWarmWrong && !isBaseWrong) this.#b++;
    if (isBaseWrong && !isWarmWrong) this.#c++;
    this.#n++;
  }

  /** The effect of the pairs added so far; null when there are none. */
  result(): PairedEffect | null {
    const difference = clusteredRatioDifference([...this.#byCluster.values()]);
    if (!difference) return null;
    const n = this.#n;
    const b = this.#b;
    const c = this.#c;
    const baseErrors = Math.round(difference.baseRate * n);
    const warmErrors = Math.round(difference.warmRate * n);
    // No discordant pairs: nothing to test, whatever the clustered SE says.
    const p = b + c === 0 ? null : difference.p;
    return { ...difference, p, n, baseErrors, warmErrors, b, c };
  }
}

/** Paired warm − base change in error with its question-clustered 95% interval. */
export function pairedEffect(observations: readonly PairObservation[]): PairedEffect | null {
  const accumulator = new EffectAccumulator();
  for (const pair of observations) accumulator.add(pair);
  return accumulator.result();
}

/** Effects of several (possibly overlapping) subsets in one pass over the pairs. */
export function effectsOf<Group extends { select: (pair: PairObservation) => boolean }>(
  observations: readonly PairObservation[],
  groups: readonly Group[],
): (PairedEffect | null)[] {
  const accumulators = groups.map(() => new EffectAccumulator());
  for (const pair of observations) {
    groups.forEach((group, index) => {
      if (group.select(pair)) accumulators[index]?.add(pair);
    });
  }
  return accumulators.map((accumulator) => accumulator.result());
}

function rowsOf(
  observations: readonly PairObservation[],
  groups: readonly { id: string; label: string; select: (pair: PairObservation) => boolean }[],
): HeadlineRow[] {
  const effects = effectsOf(observations, groups);
  const rows: HeadlineRow[] = [];
  groups.forEach((group, index) => {
    const effect = effects[index];
    if (effect) rows.push({ id: group.id, label: group.label, effect });
  });
  return rows;
}

const familyGroups = FAMILIES.map((family: Family) => ({
  id: family,
  label: familyWithDataset(family),
  select: (pair: PairObservation) => pair.family === family,
}));

const beliefGroups = [
  { id: 'no-belief', label: PROMPT_GROUP_LABELS.original, select: isNoBelief },
  { id: 'false-belief', label: PROMPT_GROUP_LABELS.user_opinion, select: isFalseBelief },
];

/** Pairs of prompts in which the user states no belief. */
export function isNoBelief(pair: PairObservation): boolean {
  return pair.belief === 'none';
}

/** Pairs of prompts in which the user states a false belief (asserts wrong or denies right). */
export function isFalseBelief(pair: PairObservation): boolean {
  return pair.belief === 'asserts-wrong' || pair.belief === 'denies-right';
}

/** The headline effect overall, per family and per prompt group. */
export function computeHeadline(observations: readonly PairObservation[]): Headline {
  return {
    overall: pairedEffect(observations),
    byFamily: rowsOf(observations, familyGroups),
    byBelief: rowsOf(observations, beliefGroups),
  };
}

/** A signed pp figure with one decimal and a real minus sign: "+7.4", "−3.0", "0.0". */
export function signedPp(value: number): string {
  const rounded = Number(value.toFixed(1));
  if (rounded === 0) return '0.0';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(1)}`;
}

/** "p = 0.012", "p < 0.001", or why there is no p. */
export function pPhrase(effect: Pick<PairedEffect, 'p' | 'b' | 'c'>): string {
  if (effect.b + effect.c === 0) return 'no discordant pairs, so no test';
  if (effect.p === null) return 'p not computable (no variation between questions)';
  return effect.p < 0.001 ? 'p < 0.001' : `p = ${effect.p.toFixed(3)}`;
}

/** "95% CI +1.2 to +9.8 pp", or why there is none. */
export function intervalPhrase(effect: Pick<RatioDifference, 'lowPp' | 'highPp'>): string {
  if (effect.lowPp === null || effect.highPp === null) {
    return 'no interval: fewer than two questions or no variation between them';
  }
  return `95% CI ${signedPp(effect.lowPp)} to ${signedPp(effect.highPp)} pp`;
}

/**
 * "Warm arm: +7.4 pp more errors than base (95% CI +1.2 to +13.6 pp; 120 pairs over 30
 * questions; p = 0.021)".
 */
export function headlineSentence(effect: PairedEffect, subject = 'Warm arm'): string {
  const size =
    Math.abs(effect.pp) < 0.05
      ? 'as many errors as base'
      : effect.pp > 0
        ? `${signedPp(effect.pp)} pp more errors than base`
        : `${Math.abs(effect.pp).toFixed(1)} pp fewer errors than base`;
  const count = `${effect.n} pair${effect.n === 1 ? '' : 's'} over ${effect.clusters} question${
    effect.clusters === 1 ? '' : 's'
  }`;
  return `${subject}: ${size} (${intervalPhrase(effect)}; ${count}; ${pPhrase(effect)})`;
}
