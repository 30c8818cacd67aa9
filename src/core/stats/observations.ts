/**
 * Paired observations: one base and one warm answer to the same prompt, reduced to what the
 * headline, the flip rate and the grading-uncertainty band need.
 *
 * Owns: what an observation is (`PairObservation`, the shape the dashboard builds from its
 * answer pairs), the belief kinds, and building the analyses' columns (observationColumns.ts)
 * straight from an analysis table (Results: imported tables and tabulated records).
 * Invariants: `cluster` is the question (model + item id without the "[hedged]"/"[lead-in]"
 * suffixes the tabulation adds), because the 28 prompts of one question are not independent;
 * `cell` is the question in one interpersonal context and sample (what the flip rate follows
 * across belief prompts); an answer whose grade carries no confidence counts as high confidence.
 */
import type { Family } from '../types';
import { familyOfDataset } from '../families';
import type { AnalysisTable } from './analysisRows';
import type { ObservationColumns } from './observationColumns';
import {
  BELIEF_CODE,
  FAMILY_CODE,
  allocateColumns,
  denseIds,
  isUnmodifiedContext,
  setAnswer,
} from './observationColumns';
import type { Outcomes } from './outcomes';
import type { PairIndex } from './pairing';

/** The user's belief in a prompt, in Warmth Lab's words. */
export type BeliefKind = 'none' | 'asserts-wrong' | 'denies-right' | 'other';

/** One arm's answer in a pair. */
export interface ArmAnswer {
  isWrong: boolean;
  /** The rule grader said it was unsure (`confidence: 'low'`). */
  isLowConfidence: boolean;
  /** The verdict came from a rule grader (not a judge, a human or a results file's column). */
  isRuleGraded: boolean;
  /** The answer adopts the user's wrong answer; null when that cannot be told. */
  isCaved: boolean | null;
}

export interface PairObservation {
  /** The question: any value that is equal exactly for pairs of the same question. */
  cluster: string | number;
  /** The question in one context and sample, compared the same way. */
  cell: string | number;
  family: Family | null;
  /** The interpersonal context (paper amendment type or Warmth Lab context id). */
  context: string;
  belief: BeliefKind;
  /** A hedged belief ("…but I'm not sure") or a neutral lead-in: not the plain prompt. */
  isVariant: boolean;
  base: ArmAnswer;
  warm: ArmAnswer;
}

/** Extra facts about one table row that only the records behind it know. */
export type AnswerFacts = Omit<ArmAnswer, 'isWrong'>;

/** Paper prompt types and Warmth Lab belief ids → the belief kind. */
const BELIEF_OF_PROMPT: Readonly<Record<string, BeliefKind>> = {
  original: 'none',
  original_neutral: 'none',
  none: 'none',
  incorrect: 'asserts-wrong',
  'asserts-wrong': 'asserts-wrong',
  correct: 'denies-right',
  'denies-right': 'denies-right',
};

/** The belief kind of a prompt type or belief id; custom framings are `other`. */
export function beliefKindOf(promptType: string): BeliefKind {
  return BELIEF_OF_PROMPT[promptType] ?? 'other';
}

const SUFFIX = / \[(hedged|lead-in)\]/g;

type LevelFacts = ReturnType<typeof levelFacts>;

/** Per-level lookups computed once per table, so each pair costs a few array reads. */
function levelFacts(table: AnalysisTable) {
  const { levels } = table;
  const itemKeys = levels.item.map((key) => key.replace(SUFFIX, ''));
  const baseItem = new Map<string, number>();
  const questionOfItem = Int32Array.from(itemKeys, (key) => {
    let code = baseItem.get(key);
    if (code === undefined) baseItem.set(key, (code = baseItem.size));
    return code;
  });
  const isLeadIn = levels.prompt.map((name) => name === 'original_neutral');
  return {
    questions: baseItem.size,
    questionOfItem,
    isVariantItem: Uint8Array.from(levels.item, (key, code) => (key !== itemKeys[code] ? 1 : 0)),
    isLeadIn: Uint8Array.from(isLeadIn, (is) => (is ? 1 : 0)),
    family: Int8Array.from(levels.dataset, (name) => {
      const family = familyOfDataset(name);
      return family === undefined ? -1 : FAMILY_CODE[family];
    }),
    belief: Uint8Array.from(levels.prompt, (name) => BELIEF_CODE[beliefKindOf(name)]),
    isUnmodified: Uint8Array.from(levels.amendment, (name) => (isUnmodifiedContext(name) ? 1 : 0)),
  };
}

function sampleCount(table: AnalysisTable, pairs: PairIndex): number {
  let samples = 1;
  for (let p = 0; p < pairs.count; p++) {
    samples = Math.max(samples, (table.sample[pairs.base[p] as number] as number) + 1);
  }
  return samples;
}

/** Verdicts from the outcomes and, with `factsOf`, what the records behind each row know. */
function setAnswers(
  columns: ObservationColumns,
  outcomes: Outcomes,
  pairs: PairIndex,
  factsOf: ((row: number) => AnswerFacts) | undefined,
): void {
  const { isIncorrect } = outcomes;
  const baseWrong = columns.base.isWrong;
  const warmWrong = columns.warm.isWrong;
  for (let p = 0; p < pairs.count; p++) {
    const baseRow = pairs.base[p] as number;
    const warmRow = pairs.warm[p] as number;
    if (!factsOf) {
      baseWrong[p] = isIncorrect[baseRow] === 1 ? 1 : 0;
      warmWrong[p] = isIncorrect[warmRow] === 1 ? 1 : 0;
      continue;
    }
    setAnswer(columns.base, p, {
      ...factsOf(baseRow),
      isWrong: outcomes.isIncorrect[baseRow] === 1,
    });
    setAnswer(columns.warm, p, {
      ...factsOf(warmRow),
      isWrong: outcomes.isIncorrect[warmRow] === 1,
    });
  }
}

/** Raw numeric question and cell keys of each pair, and the bounds of both. */
function tableKeys(table: AnalysisTable, pairs: PairIndex, facts: LevelFacts) {
  const { item, model, amendment, sample } = table;
  const { questionOfItem, questions } = facts;
  const contexts = table.levels.amendment.length;
  const samples = sampleCount(table, pairs);
  const cluster = new Float64Array(pairs.count);
  const cell = new Float64Array(pairs.count);
  for (let p = 0; p < pairs.count; p++) {
    const row = pairs.base[p] as number;
    const question =
      (model[row] as number) * questions + (questionOfItem[item[row] as number] as number);
    cluster[p] = question;
    cell[p] =
      (question * contexts + (amendment[row] as number)) * samples + (sample[row] as number);
  }
  const clusterBound = table.levels.model.length * questions;
  return { cluster, cell, clusterBound, cellBound: clusterBound * contexts * samples };
}

/** Family, belief, variant and context codes of each pair, from the per-level lookups. */
function setCodes(
  columns: ObservationColumns,
  table: AnalysisTable,
  pairs: PairIndex,
  facts: LevelFacts,
): void {
  const { item, dataset, prompt, amendment } = table;
  const { family, belief, isVariant, isUnmodified } = columns;
  for (let p = 0; p < pairs.count; p++) {
    const row = pairs.base[p] as number;
    const itemCode = item[row] as number;
    const promptCode = prompt[row] as number;
    family[p] = facts.family[dataset[row] as number] as number;
    belief[p] = facts.belief[promptCode] as number;
    isVariant[p] =
      (facts.isVariantItem[itemCode] as number) | (facts.isLeadIn[promptCode] as number);
    isUnmodified[p] = facts.isUnmodified[amendment[row] as number] as number;
  }
}

/**
 * Pairs of the analysis table as observation columns. `factsOf(row)` adds what the records
 * behind a row know (confidence, grader, caved); a plain table has none of that (high
 * confidence, not rule-graded, caving unknown). Clusters are model × question, cells
 * question × context × sample, numbered here without building a key per pair.
 */
export function columnsFromTable(
  table: AnalysisTable,
  outcomes: Outcomes,
  pairs: PairIndex,
  factsOf?: (row: number) => AnswerFacts,
): ObservationColumns {
  const facts = levelFacts(table);
  const columns = allocateColumns(pairs.count);
  setCodes(columns, table, pairs, facts);
  setAnswers(columns, outcomes, pairs, factsOf);
  const keys = tableKeys(table, pairs, facts);
  const clusters = denseIds(keys.cluster, keys.clusterBound - 1);
  const cells = denseIds(keys.cell, keys.cellBound - 1);
  return {
    ...columns,
    cluster: clusters.ids,
    clusterCount: clusters.count,
    cell: cells.ids,
    cellCount: cells.count,
  };
}
