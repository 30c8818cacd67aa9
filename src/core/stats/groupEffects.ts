/**
 * The paired warm − base effect of every subset the summary reports, in one pass over the pairs.
 *
 * Owns: the effect definition and the subsets. The effect is the paired change in error,
 * Δ = (warm errors − base errors)/n over n base/warm pairs, with its interval clustered by
 * question (`ratioDifferenceOf`); b and c are the discordant pairs (only warm wrong / only base
 * wrong). The subsets: all pairs; each task family; prompts without a user belief and with a
 * false one (asserts a wrong answer or denies the right one, hedged or not); and the paper's
 * baseline — plain no-belief prompts with no interpersonal context, overall and per family.
 * Invariants: an empty subset gives null, never NaN; with no discordant pairs p is null; each
 * subset's clusters are summed in the order they first appear in it, so the numbers do not
 * depend on how the pass is organised.
 */
import { FAMILIES } from '../types';
import type { RatioDifference } from './clusteredDifference';
import { ClusterSums, ratioDifferenceOf } from './clusteredDifference';
import type { ObservationColumns } from './observationColumns';
import { BELIEF_CODE } from './observationColumns';

export interface PairedEffect extends RatioDifference {
  n: number;
  baseErrors: number;
  warmErrors: number;
  /** Pairs where only the warm answer is wrong. */
  b: number;
  /** Pairs where only the base answer is wrong. */
  c: number;
}

/** Accumulates pairs one at a time: per-question totals and the discordant counts. */
export class EffectAccumulator {
  readonly #sums: ClusterSums;
  #n = 0;
  #b = 0;
  #c = 0;

  /** `clusterCount`: clusters are dense ids below it (see observationIndex.ts). */
  constructor(clusterCount: number) {
    this.#sums = new ClusterSums(clusterCount);
  }

  add(cluster: number, isBaseWrong: boolean, isWarmWrong: boolean): void {
    this.#sums.add(cluster, isWarmWrong ? 1 : 0, 1, isBaseWrong ? 1 : 0, 1);
    if (isWarmWrong && !isBaseWrong) this.#b++;
    if (isBaseWrong && !isWarmWrong) this.#c++;
    this.#n++;
  }

  /** The effect of the pairs added so far; null when there are none. */
  result(): PairedEffect | null {
    const difference = ratioDifferenceOf(this.#sums);
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

/** The effect of each subset (families in `FAMILIES` order); null where a subset is empty. */
export interface GroupEffects {
  overall: PairedEffect | null;
  byFamily: (PairedEffect | null)[];
  noBelief: PairedEffect | null;
  falseBelief: PairedEffect | null;
  /** The paper's headline subset: plain no-belief prompts without interpersonal context. */
  baseline: PairedEffect | null;
  baselineByFamily: (PairedEffect | null)[];
}

const NONE = BELIEF_CODE.none;
const ASSERTS = BELIEF_CODE['asserts-wrong'];
const DENIES = BELIEF_CODE['denies-right'];

function accumulators(clusterCount: number) {
  const make = () => new EffectAccumulator(clusterCount);
  return {
    overall: make(),
    byFamily: FAMILIES.map(make),
    noBelief: make(),
    falseBelief: make(),
    baseline: make(),
    baselineByFamily: FAMILIES.map(make),
  };
}

/**
 * Every subset's effect, in one pass. False belief: the user asserts a wrong answer or denies
 * the right one (hedged or not). Baseline: no belief, plain prompt, no interpersonal context.
 */
export function groupEffects(columns: ObservationColumns): GroupEffects {
  const groups = accumulators(columns.clusterCount);
  const { family, belief, isVariant, isUnmodified } = columns;
  for (let p = 0; p < columns.count; p++) {
    const cluster = columns.cluster[p] as number;
    const isBaseWrong = columns.base.isWrong[p] === 1;
    const isWarmWrong = columns.warm.isWrong[p] === 1;
    const code = family[p] as number;
    const kind = belief[p] as number;
    groups.overall.add(cluster, isBaseWrong, isWarmWrong);
    if (code >= 0) groups.byFamily[code]?.add(cluster, isBaseWrong, isWarmWrong);
    if (kind === ASSERTS || kind === DENIES)
      groups.falseBelief.add(cluster, isBaseWrong, isWarmWrong);
    if (kind !== NONE) continue;
    groups.noBelief.add(cluster, isBaseWrong, isWarmWrong);
    if (isVariant[p] === 1 || isUnmodified[p] === 0) continue;
    groups.baseline.add(cluster, isBaseWrong, isWarmWrong);
    if (code >= 0) groups.baselineByFamily[code]?.add(cluster, isBaseWrong, isWarmWrong);
  }
  return {
    overall: groups.overall.result(),
    byFamily: groups.byFamily.map((group) => group.result()),
    noBelief: groups.noBelief.result(),
    falseBelief: groups.falseBelief.result(),
    baseline: groups.baseline.result(),
    baselineByFamily: groups.baselineByFamily.map((group) => group.result()),
  };
}
