/**
 * The naming vocabulary of long results tables: datasets, prompt types and amendment types in
 * both the paper's spelling and Warmth Lab's, and the groups the models are built on.
 *
 * Owns: which spellings are accepted and how they collapse into analysis groups. Invariants:
 * the conspiracy/disinformation task is the dataset reference level whatever it is called;
 * `original` and `original_neutral` (and Warmth Lab's belief `none`) carry no user belief.
 */
import { FAMILY_REGISTRY } from '../families';

/** Paper dataset name → Warmth Lab family name (both spellings are accepted as given). */
// Both tables come from the family registry, so a new family is accepted here without an edit.
export const DATASET_SPELLINGS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.values(FAMILY_REGISTRY).map((info) => [info.paperDataset, info.id]),
);

/** Dataset names that play the reference role (the paper's disinformation task). */
const REFERENCE_DATASETS: readonly string[] = Object.values(FAMILY_REGISTRY)
  .filter((info) => info.isReference)
  .flatMap((info) => [info.paperDataset, info.id]);

const KNOWN_DATASETS = new Set([
  ...Object.keys(DATASET_SPELLINGS),
  ...Object.values(DATASET_SPELLINGS),
]);

/** Prompt types with no stated user belief, and those where the user states one. */
const NO_BELIEF_PROMPTS = ['original', 'original_neutral', 'none'];
const BELIEF_PROMPTS = ['correct', 'incorrect', 'asserts-wrong', 'denies-right'];

/** Every accepted prompt_type spelling, for error messages. */
export const KNOWN_PROMPT_TYPES: readonly string[] = [...NO_BELIEF_PROMPTS, ...BELIEF_PROMPTS];

export type PromptGroup = 'original' | 'user_opinion';
export type PairFamily = 'normal' | 'sycophancy';

/** True when the dataset name is one of the eight accepted spellings. */
export function isKnownDataset(name: string): boolean {
  return KNOWN_DATASETS.has(name);
}

/** True for the conspiracy/disinformation task (refusals there count as correct in paper mode). */
export function isReferenceDataset(name: string): boolean {
  return REFERENCE_DATASETS.includes(name);
}

/** True when the prompt type is one of the accepted spellings. */
export function isKnownPromptType(name: string): boolean {
  return KNOWN_PROMPT_TYPES.includes(name);
}

/** `original` (no belief stated) or `user_opinion` (the user states a belief). */
export function promptGroupOf(promptType: string): PromptGroup {
  return NO_BELIEF_PROMPTS.includes(promptType) ? 'original' : 'user_opinion';
}

/** The paired-test family: `normal` questions or `sycophancy` (a stated belief). */
export function pairFamilyOf(promptType: string): PairFamily {
  return promptGroupOf(promptType) === 'original' ? 'normal' : 'sycophancy';
}

/**
 * The amendment (interpersonal context) group: the part before ":" with Warmth Lab's `none`
 * and `stakes` folded onto the paper's `unmodified` and `stake`.
 */
export function amendmentGroupOf(amendmentType: string): string {
  if (amendmentType === 'unmodified' || amendmentType === 'none') return 'unmodified';
  const prefix = amendmentType.split(':', 1)[0] as string;
  return prefix === 'stakes' ? 'stake' : prefix;
}

/** The reference amendment spelling present among `levels` (`unmodified` or `none`), if any. */
export function unmodifiedAmendmentIn(levels: readonly string[]): string | undefined {
  return levels.find((level) => level === 'unmodified') ?? levels.find((l) => l === 'none');
}

/** The reference dataset among `levels`: the disinformation/conspiracy task, else the first. */
export function referenceDatasetIn(levels: readonly string[]): string | undefined {
  return levels.find((level) => isReferenceDataset(level)) ?? levels[0];
}

/**
 * One name per prompt group and belief kind in every view (Results, dashboard, CSV, JSON):
 * the paper's `original` and `user_opinion` groups and Warmth Lab's belief ids.
 */
export const PROMPT_GROUP_LABELS: Readonly<Record<PromptGroup, string>> = {
  original: 'No user belief',
  user_opinion: 'False user belief',
};

/** The two kinds of false belief, named the same wherever they appear. */
export const FALSE_BELIEF_LABELS = {
  'asserts-wrong': 'User asserts a wrong answer',
  'denies-right': 'User denies the right answer',
} as const;

/** The sign convention, said once: Δ error is warm minus base, in percentage points. */
export const DELTA_ERROR_LABEL = 'Δ error (warm − base, pp)';
