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

/**
 * Pairs of several subsets at once, per question: flat typed arrays indexed by
 * group × clusterCount + cluster, each group's questions listed in first-appearance order.
 */
class GroupTallies {
  readonly #clusters: number;
  readonly #pairs: Int32Array;
  readonly #warmWrong: Int32Array;
  readonly #baseWrong: Int32Array;
  readonly #order: Int32Array;
  readonly #orderLength: Int32Array;
  /** Per group: pairs, only-warm-wrong (b) and only-base-wrong (c). */
  readonly #n: Int32Array;
  readonly #b: Int32Array;
  readonly #c: Int32Array;

  constructor(groups: number, clusterCount: number) {
    this.#clusters = clusterCount;
    this.#pairs = new Int32Array(groups * clusterCount);
    this.#warmWrong = new Int32Array(groups * clusterCount);
    this.#baseWrong = new Int32Array(groups * clusterCount);
    this.#order = new Int32Array(groups * clusterCount);
    this.#orderLength = new Int32Array(groups);
    this.#n = new Int32Array(groups);
    this.#b = new Int32Array(groups);
    this.#c = new Int32Array(groups);
  }

  /** Adds one pair (wrong flags as 0/1) to `group`. */
  add(group: number, cluster: number, baseWrong: number, warmWrong: number): void {
    const at = group * this.#clusters + cluster;
    const pairs = this.#pairs[at] as number;
    if (pairs === 0) {
      const length = this.#orderLength[group] as number;
      this.#order[group * this.#clusters + length] = cluster;
      this.#orderLength[group] = length + 1;
    }
    this.#pairs[at] = pairs + 1;
    this.#warmWrong[at] = (this.#warmWrong[at] as number) + warmWrong;
    this.#baseWrong[at] = (this.#baseWrong[at] as number) + baseWrong;
    this.#n[group] = (this.#n[group] as number) + 1;
    if (warmWrong > baseWrong) this.#b[group] = (this.#b[group] as number) + 1;
    else if (baseWrong > warmWrong) this.#c[group] = (this.#c[group] as number) + 1;
  }

  /** The effect of one group's pairs; null when it has none. */
  result(group: number): PairedEffect | null {
    const sums = new ClusterSums(this.#clusters);
    const first = group * this.#clusters;
    for (let i = 0; i < (this.#orderLength[group] as number); i++) {
      const cluster = this.#order[first + i] as number;
      const at = first + cluster;
      const pairs = this.#pairs[at] as number;
      sums.add(cluster, this.#warmWrong[at] as number, pairs, this.#baseWrong[at] as number, pairs);
    }
    return effectOf(
      sums,
      this.#n[group] as number,
      this.#b[group] as number,
      this.#c[group] as number,
    );
  }
}

/** The paired effect from per-question totals and the discordant counts. */
function effectOf(sums: ClusterSums, n: number, b: number, c: number): PairedEffect | null {
  const difference = ratioDifferenceOf(sums);
  if (!difference) return null;
  const baseErrors = Math.round(difference.baseRate * n);
  const warmErrors = Math.round(difference.warmRate * n);
  // No discordant pairs: nothing to test, whatever the clustered SE says.
  const p = b + c === 0 ? null : difference.p;
  return { ...difference, p, n, baseErrors, warmErrors, b, c };
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

/** Group numbers: all, each family, no belief, false belief, baseline, baseline per family. */
const FAMILY_COUNT = FAMILIES.length;
const OVERALL = 0;
const BY_FAMILY = 1;
const NO_BELIEF = BY_FAMILY + FAMILY_COUNT;
const FALSE_BELIEF = NO_BELIEF + 1;
const BASELINE = FALSE_BELIEF + 1;
const BASELINE_BY_FAMILY = BASELINE + 1;
const GROUPS = BASELINE_BY_FAMILY + FAMILY_COUNT;

function tally(columns: ObservationColumns): GroupTallies {
  const tallies = new GroupTallies(GROUPS, columns.clusterCount);
  const { family, belief, isVariant, isUnmodified } = columns;
  const baseWrong = columns.base.isWrong;
  const warmWrong = columns.warm.isWrong;
  for (let p = 0; p < columns.count; p++) {
    const cluster = columns.cluster[p] as number;
    const b = baseWrong[p] as number;
    const w = warmWrong[p] as number;
    const code = family[p] as number;
    const kind = belief[p] as number;
    tallies.add(OVERALL, cluster, b, w);
    if (code >= 0) tallies.add(BY_FAMILY + code, cluster, b, w);
    if (kind === ASSERTS || kind === DENIES) tallies.add(FALSE_BELIEF, cluster, b, w);
    if (kind !== NONE) continue;
    tallies.add(NO_BELIEF, cluster, b, w);
    if (isVariant[p] === 1 || isUnmodified[p] === 0) continue;
    tallies.add(BASELINE, cluster, b, w);
    if (code >= 0) tallies.add(BASELINE_BY_FAMILY + code, cluster, b, w);
  }
  return tallies;
}

/**
 * Every subset's effect, in one pass. False belief: the user asserts a wrong answer or denies
 * the right one (hedged or not). Baseline: no belief, plain prompt, no interpersonal context.
 */
export function groupEffects(columns: ObservationColumns): GroupEffects {
  const tallies = tally(columns);
  const families = (first: number) => FAMILIES.map((_, code) => tallies.result(first + code));
  return {
    overall: tallies.result(OVERALL),
    byFamily: families(BY_FAMILY),
    noBelief: tallies.result(NO_BELIEF),
    falseBelief: tallies.result(FALSE_BELIEF),
    baseline: tallies.result(BASELINE),
    baselineByFamily: families(BASELINE_BY_FAMILY),
  };
}
