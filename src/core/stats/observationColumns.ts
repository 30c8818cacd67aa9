/**
 * Paired observations in columns: the one form the headline, the paper comparison, the flip
 * rate and the grading band read.
 *
 * Owns: the column layout and building it from a list of `PairObservation`s (the dashboard,
 * tests). observations.ts builds the same columns straight from an analysis table, where
 * ~200,000 pairs as objects would cost more than the analyses themselves. Invariants: clusters
 * and cells are dense ids 0..count−1 given in order of first appearance, equal exactly when a
 * Map would take their keys as equal, so accumulating in typed arrays sums in the same order a
 * Map keyed by question would; codes index FAMILIES and BELIEF_KINDS.
 */
import { FAMILIES } from '../types';
import type { Family } from '../types';
import type { ArmAnswer, BeliefKind, PairObservation } from './observations';

/** Belief kinds by code. */
export const BELIEF_KINDS: readonly BeliefKind[] = [
  'none',
  'asserts-wrong',
  'denies-right',
  'other',
];
export const BELIEF_CODE: Readonly<Record<BeliefKind, number>> = {
  none: 0,
  'asserts-wrong': 1,
  'denies-right': 2,
  other: 3,
};
/** FAMILIES index of each family. */
export const FAMILY_CODE = Object.fromEntries(FAMILIES.map((f, code) => [f, code])) as Readonly<
  Record<Family, number>
>;

/** One arm's answers, one entry per pair. */
export interface AnswerColumns {
  isWrong: Uint8Array;
  isLowConfidence: Uint8Array;
  isRuleGraded: Uint8Array;
  /** 1 caved, 0 did not, −1 cannot be told. */
  caved: Int8Array;
}

export interface ObservationColumns {
  count: number;
  /** Dense question id of each pair. */
  cluster: Int32Array;
  clusterCount: number;
  /** Dense (question, context, sample) id of each pair. */
  cell: Int32Array;
  cellCount: number;
  /** FAMILIES index; −1 without a family. */
  family: Int8Array;
  /** BELIEF_KINDS index. */
  belief: Uint8Array;
  /** 1 for a hedged belief or a lead-in (not the plain prompt). */
  isVariant: Uint8Array;
  /** 1 when the interpersonal context is "none"/"unmodified". */
  isUnmodified: Uint8Array;
  base: AnswerColumns;
  warm: AnswerColumns;
}

/** Whether an interpersonal context is "none" (Warmth Lab) or "unmodified" (the paper). */
export function isUnmodifiedContext(context: string): boolean {
  return context === 'unmodified' || context === 'none';
}

function answerColumns(count: number): AnswerColumns {
  return {
    isWrong: new Uint8Array(count),
    isLowConfidence: new Uint8Array(count),
    isRuleGraded: new Uint8Array(count),
    caved: new Int8Array(count).fill(-1),
  };
}

/** Columns for `count` pairs: all zero (caving unknown); clusters and cells are the builder's. */
export function allocateColumns(count: number): ObservationColumns {
  return {
    count,
    cluster: new Int32Array(count),
    clusterCount: 0,
    cell: new Int32Array(count),
    cellCount: 0,
    family: new Int8Array(count),
    belief: new Uint8Array(count),
    isVariant: new Uint8Array(count),
    isUnmodified: new Uint8Array(count),
    base: answerColumns(count),
    warm: answerColumns(count),
  };
}

/** Writes one answer into its arm's columns. */
export function setAnswer(arm: AnswerColumns, index: number, answer: ArmAnswer): void {
  arm.isWrong[index] = answer.isWrong ? 1 : 0;
  arm.isLowConfidence[index] = answer.isLowConfidence ? 1 : 0;
  arm.isRuleGraded[index] = answer.isRuleGraded ? 1 : 0;
  arm.caved[index] = answer.isCaved === null ? -1 : answer.isCaved ? 1 : 0;
}

/** Up to this many slots a flat array maps integer keys to ids; past it, a Map does. */
const MAX_DIRECT_KEYS = 1 << 22;

/**
 * Dense ids (first appearance order) of `keys`; `max` is the largest key when every key is a
 * non-negative integer, else −1.
 */
export function denseIds(
  keys: ArrayLike<string | number>,
  max: number,
): { ids: Int32Array; count: number } {
  const ids = new Int32Array(keys.length);
  let count = 0;
  if (max >= 0 && max < MAX_DIRECT_KEYS) {
    const idOfKey = new Int32Array(max + 1).fill(-1);
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index] as number;
      let id = idOfKey[key] as number;
      if (id < 0) idOfKey[key] = id = count++;
      ids[index] = id;
    }
    return { ids, count };
  }
  const idOfKey = new Map<string | number, number>();
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] as string | number;
    let id = idOfKey.get(key);
    if (id === undefined) idOfKey.set(key, (id = count++));
    ids[index] = id;
  }
  return { ids, count };
}

/** The largest key when every key is a non-negative integer; −1 otherwise. */
function integerMax(keys: readonly (string | number)[]): number {
  let max = -1;
  for (const key of keys) {
    if (typeof key !== 'number' || !Number.isInteger(key) || key < 0) return -1;
    if (key > max) max = key;
  }
  return max;
}

/** Sets dense cluster and cell ids from the pairs' keys. */
function setKeys(columns: ObservationColumns, observations: readonly PairObservation[]): void {
  const clusterKeys = observations.map((pair) => pair.cluster);
  const cellKeys = observations.map((pair) => pair.cell);
  const clusters = denseIds(clusterKeys, integerMax(clusterKeys));
  const cells = denseIds(cellKeys, integerMax(cellKeys));
  columns.cluster = clusters.ids;
  columns.clusterCount = clusters.count;
  columns.cell = cells.ids;
  columns.cellCount = cells.count;
}

/** A list of paired observations in columns. */
export function columnsOfObservations(
  observations: readonly PairObservation[],
): ObservationColumns {
  const columns = allocateColumns(observations.length);
  setKeys(columns, observations);
  observations.forEach((pair, index) => {
    columns.family[index] = pair.family === null ? -1 : FAMILY_CODE[pair.family];
    columns.belief[index] = BELIEF_CODE[pair.belief];
    columns.isVariant[index] = pair.isVariant ? 1 : 0;
    columns.isUnmodified[index] = isUnmodifiedContext(pair.context) ? 1 : 0;
    setAnswer(columns.base, index, pair.base);
    setAnswer(columns.warm, index, pair.warm);
  });
  return columns;
}
