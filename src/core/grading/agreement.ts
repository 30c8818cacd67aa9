/**
 * Agreement between two graders (rule vs paper judge, rule vs human, judge vs human).
 *
 * Owns: raw accuracy, Cohen's kappa, the confusion matrix (rows = grader a, columns = grader b)
 * and per-family / per-arm breakdowns. Binary mode compares "correct" with "not-correct" (the
 * paper's judge has only CORRECT/INCORRECT). Invariants: kappa is never NaN — with no pairs, or
 * when chance agreement is 1 (both graders used a single class), it is null with a reason; all
 * numbers are plain, rounded only by the caller.
 */
import type { Outcome } from '../types';

/** One compared response. */
export interface AgreementPair {
  a: Outcome;
  b: Outcome;
  family?: string;
  arm?: string;
}

export interface AgreementOptions {
  /** Collapse to correct vs not-correct. */
  isBinary?: boolean;
}

/** Class names compared: outcomes, or `correct` / `not-correct` in binary mode. */
export type AgreementClass = Outcome | 'not-correct';

export interface AgreementSummary {
  n: number;
  /** Share of pairs where a and b agree (null when n = 0). */
  accuracy: number | null;
  kappa: number | null;
  /** Why kappa is null, when it is. */
  kappaNote?: string;
  /** confusion[aClass][bClass] = count; every class seen on either side has a full row. */
  confusion: Record<string, Record<string, number>>;
}

export interface AgreementReport extends AgreementSummary {
  byFamily: Record<string, AgreementSummary>;
  byArm: Record<string, AgreementSummary>;
  /** Indexes (into the input) of the pairs where the graders differ. */
  disagreements: number[];
}

const OUTCOME_ORDER: AgreementClass[] = [
  'correct',
  'incorrect',
  'refusal',
  'unparseable',
  'not-correct',
];

function classOf(outcome: Outcome, isBinary: boolean): AgreementClass {
  return isBinary && outcome !== 'correct' ? 'not-correct' : outcome;
}

function summarise(pairs: [AgreementClass, AgreementClass][]): AgreementSummary {
  const n = pairs.length;
  const classes = OUTCOME_ORDER.filter((c) => pairs.some(([a, b]) => a === c || b === c));
  const confusion: Record<string, Record<string, number>> = {};
  for (const row of classes) confusion[row] = Object.fromEntries(classes.map((c) => [c, 0]));
  for (const [a, b] of pairs) {
    const row = confusion[a];
    if (row) row[b] = (row[b] ?? 0) + 1;
  }
  if (n === 0) return { n, accuracy: null, kappa: null, kappaNote: 'no pairs', confusion };
  const observed = pairs.filter(([a, b]) => a === b).length / n;
  const chance = classes.reduce((sum, c) => {
    const aShare = pairs.filter(([a]) => a === c).length / n;
    const bShare = pairs.filter(([, b]) => b === c).length / n;
    return sum + aShare * bShare;
  }, 0);
  if (chance >= 1) {
    return {
      n,
      accuracy: observed,
      kappa: null,
      kappaNote: 'kappa undefined: both graders used a single class, so chance agreement is 1',
      confusion,
    };
  }
  return { n, accuracy: observed, kappa: (observed - chance) / (1 - chance), confusion };
}

function groupBy(
  pairs: AgreementPair[],
  classes: [AgreementClass, AgreementClass][],
  keyOf: (p: AgreementPair) => string | undefined,
): Record<string, AgreementSummary> {
  const groups = new Map<string, [AgreementClass, AgreementClass][]>();
  pairs.forEach((pair, i) => {
    const key = keyOf(pair);
    if (key === undefined) return;
    const list = groups.get(key) ?? [];
    list.push(classes[i] as [AgreementClass, AgreementClass]);
    groups.set(key, list);
  });
  return Object.fromEntries(
    [...groups].sort(([x], [y]) => x.localeCompare(y)).map(([k, v]) => [k, summarise(v)]),
  );
}

/**
 * Compares two graders over the same responses: accuracy, Cohen's kappa, confusion matrix,
 * breakdowns by family and arm, and the indexes of disagreements.
 */
export function computeAgreement(
  pairs: AgreementPair[],
  options: AgreementOptions = {},
): AgreementReport {
  const isBinary = options.isBinary ?? false;
  const classes = pairs.map(
    (p) => [classOf(p.a, isBinary), classOf(p.b, isBinary)] as [AgreementClass, AgreementClass],
  );
  return {
    ...summarise(classes),
    byFamily: groupBy(pairs, classes, (p) => p.family),
    byArm: groupBy(pairs, classes, (p) => p.arm),
    disagreements: classes.flatMap(([a, b], i) => (a === b ? [] : [i])),
  };
}
