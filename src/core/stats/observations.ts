/**
 * Paired observations: one base and one warm answer to the same prompt, reduced to what the
 * headline, the flip rate and the grading-uncertainty band need.
 *
 * Owns: the one shape those three analyses read, and how it is built from the columnar analysis
 * table (Results: imported tables and tabulated records) and from the dashboard's answer pairs.
 * Invariants: `cluster` is the question (model + item id without the "[hedged]"/"[lead-in]"
 * suffixes the tabulation adds), because the 28 prompts of one question are not independent;
 * `cell` is the question in one interpersonal context and sample (what the flip rate follows
 * across belief prompts); an answer whose grade carries no confidence counts as high confidence.
 */
import type { Family } from '../types';
import { familyOfDataset } from '../families';
import type { AnalysisTable } from './analysisRows';
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
  cluster: string;
  cell: string;
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

const PLAIN_FACTS: AnswerFacts = { isLowConfidence: false, isRuleGraded: false, isCaved: null };

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

/**
 * Pairs of the analysis table as observations. `factsOf(row)` adds what the records behind a
 * row know (confidence, grader, caved); a plain table has none of that.
 */
export function observationsFromTable(
  table: AnalysisTable,
  outcomes: Outcomes,
  pairs: PairIndex,
  factsOf: (row: number) => AnswerFacts = () => PLAIN_FACTS,
): PairObservation[] {
  const { levels } = table;
  const observations: PairObservation[] = [];
  for (let p = 0; p < pairs.count; p++) {
    const baseRow = pairs.base[p] as number;
    const warmRow = pairs.warm[p] as number;
    const model = levels.model[table.model[baseRow] as number] as string;
    const itemKey = levels.item[table.item[baseRow] as number] as string;
    const promptType = levels.prompt[table.prompt[baseRow] as number] as string;
    const question = `${model}\u0000${itemKey.replace(SUFFIX, '')}`;
    const context = levels.amendment[table.amendment[baseRow] as number] as string;
    observations.push({
      cluster: question,
      cell: `${question}\u0000${context}\u0000${table.sample[baseRow] as number}`,
      family: familyOfDataset(levels.dataset[table.dataset[baseRow] as number] as string) ?? null,
      context,
      belief: beliefKindOf(promptType),
      isVariant: itemKey !== itemKey.replace(SUFFIX, '') || promptType === 'original_neutral',
      base: { ...factsOf(baseRow), isWrong: outcomes.isIncorrect[baseRow] === 1 },
      warm: { ...factsOf(warmRow), isWrong: outcomes.isIncorrect[warmRow] === 1 },
    });
  }
  return observations;
}
