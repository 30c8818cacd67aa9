/**
 * The intra-question correlation of paired differences, for power planning: the prompts of one
 * question (its contexts × belief framings × samples) share the question's difficulty, so their
 * base-vs-warm differences are not independent, and a design's information grows with the
 * number of QUESTIONS more than with the number of prompts.
 *
 * Owns: the one-way ANOVA estimator of the ICC of d = warm wrong − base wrong (−1, 0, 1) over
 * pairs grouped by question (model, item_id) — the same clusters as the GLMs' robust SEs — with
 * the unequal-group-size n₀ of Donner (1986). Invariants: the estimate is clamped to [0, 1];
 * too little data (fewer than two questions, or fewer than MIN_REPLICATES pairs beyond one per
 * question) gives null, never NaN.
 */
import type { AnalysisTable } from './analysisRows';
import { cellIndexOf } from './cells';
import type { Outcomes } from './outcomes';
import type { PairIndex } from './pairing';

/** Within-question replicates (pairs − questions) below which the ICC is not estimated. */
const MIN_REPLICATES = 10;

export interface QuestionIcc {
  /** ICC of the paired difference within a question, or null when it cannot be estimated. */
  icc: number | null;
  questions: number;
  pairs: number;
  /** Mean number of analysed pairs (prompts) per question. */
  meanPromptsPerQuestion: number;
}

/** Sums of d and d² per question, and the pair count of each. */
function sumsByQuestion(table: AnalysisTable, outcomes: Outcomes, pairs: PairIndex) {
  const { itemOf, questionOfItem, questionCount } = cellIndexOf(table);
  // Questions renumbered in first-seen pair order (the order the ANOVA sums run in).
  const idOf = new Int32Array(questionCount).fill(-1);
  const count = new Float64Array(questionCount);
  const sum = new Float64Array(questionCount);
  let [questions, sumSquares] = [0, 0];
  const { isIncorrect } = outcomes;
  const { base, warm } = pairs;
  for (let p = 0; p < pairs.count; p++) {
    const baseRow = base[p] as number;
    const question = questionOfItem[itemOf[baseRow] as number] as number;
    let id = idOf[question] as number;
    if (id < 0) idOf[question] = id = questions++;
    const d = (isIncorrect[warm[p] as number] as number) - (isIncorrect[baseRow] as number);
    count[id] = (count[id] as number) + 1;
    sum[id] = (sum[id] as number) + d;
    sumSquares += d * d;
  }
  return { count: count.subarray(0, questions), sum: sum.subarray(0, questions), sumSquares };
}

/** Estimates the intra-question correlation of paired base-vs-warm differences. */
export function estimateQuestionIcc(
  table: AnalysisTable,
  outcomes: Outcomes,
  pairs: PairIndex,
): QuestionIcc {
  const { count, sum, sumSquares } = sumsByQuestion(table, outcomes, pairs);
  const k = count.length;
  const n = pairs.count;
  const result = { questions: k, pairs: n, meanPromptsPerQuestion: k > 0 ? n / k : 0 };
  if (k < 2 || n - k < MIN_REPLICATES) return { icc: null, ...result };
  let total = 0;
  let between = 0;
  let sizeSquares = 0;
  for (let g = 0; g < k; g++) {
    total += sum[g] as number;
    between += (sum[g] as number) ** 2 / (count[g] as number);
    sizeSquares += (count[g] as number) ** 2;
  }
  const ssBetween = between - (total * total) / n;
  const ssWithin = sumSquares - between;
  const msBetween = ssBetween / (k - 1);
  const msWithin = ssWithin / (n - k);
  const n0 = (n - sizeSquares / n) / (k - 1);
  const denominator = msBetween + (n0 - 1) * msWithin;
  if (!(denominator > 0)) return { icc: null, ...result };
  const icc = (msBetween - msWithin) / denominator;
  return { icc: Math.min(1, Math.max(0, icc)), ...result };
}
