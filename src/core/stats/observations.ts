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

const PLAIN_FACTS: AnswerFacts = { isLowConfidence: false, isRuleGraded: false, isCaved: null };

/** One answer as a plain object of one fixed shape (cheaper than a spread, 400,000 times). */
function answerOf(facts: AnswerFacts, isWrong: boolean): ArmAnswer {
  return {
    isWrong,
    isLowConfidence: facts.isLowConfidence,
    isRuleGraded: facts.isRuleGraded,
    isCaved: facts.isCaved,
  };
}

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
  return {
    questions: baseItem.size,
    questionOfItem,
    isVariantItem: levels.item.map((key, code) => key !== itemKeys[code]),
    family: levels.dataset.map((name) => familyOfDataset(name) ?? null),
    belief: levels.prompt.map(beliefKindOf),
    isLeadIn: levels.prompt.map((name) => name === 'original_neutral'),
  };
}

/**
 * Pairs of the analysis table as observations. `factsOf(row)` adds what the records behind a
 * row know (confidence, grader, caved); a plain table has none of that. Clusters and cells are
 * numbers here (model × question, then × context × sample): paper-scale tables have ~200,000
 * pairs and string keys would dominate the cost.
 */
export function observationsFromTable(
  table: AnalysisTable,
  outcomes: Outcomes,
  pairs: PairIndex,
  factsOf: (row: number) => AnswerFacts = () => PLAIN_FACTS,
): PairObservation[] {
  const facts = levelFacts(table);
  const contexts = table.levels.amendment.length;
  let samples = 1;
  for (let p = 0; p < pairs.count; p++) {
    samples = Math.max(samples, (table.sample[pairs.base[p] as number] as number) + 1);
  }
  const observations: PairObservation[] = new Array<PairObservation>(pairs.count);
  for (let p = 0; p < pairs.count; p++) {
    const baseRow = pairs.base[p] as number;
    const warmRow = pairs.warm[p] as number;
    const item = table.item[baseRow] as number;
    const prompt = table.prompt[baseRow] as number;
    const context = table.amendment[baseRow] as number;
    const cluster =
      (table.model[baseRow] as number) * facts.questions + (facts.questionOfItem[item] as number);
    observations[p] = {
      cluster,
      cell: (cluster * contexts + context) * samples + (table.sample[baseRow] as number),
      family: facts.family[table.dataset[baseRow] as number] ?? null,
      context: table.levels.amendment[context] as string,
      belief: facts.belief[prompt] as BeliefKind,
      isVariant: (facts.isVariantItem[item] as boolean) || (facts.isLeadIn[prompt] as boolean),
      base: answerOf(factsOf(baseRow), outcomes.isIncorrect[baseRow] === 1),
      warm: answerOf(factsOf(warmRow), outcomes.isIncorrect[warmRow] === 1),
    };
  }
  return observations;
}
