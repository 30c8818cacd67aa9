/**
 * Names used by the paper authors' published results files (lujainibrahim/warm_ai_2025,
 * `sample_data/<model>/<original|warm>/<dataset>_<original|warm>_outputs.csv`).
 *
 * Owns: the per-dataset column lists (the dataset ↔ family mapping comes from core/families) Warmth Lab writes, the
 * question column their scripts pair base and warm rows on, file paths and item ids.
 * Invariants: the first nine (trivia/truthfulqa/disinfo) or twelve (medqa) columns are the
 * authors' own names, in their order; Warmth Lab's extra columns come after them, so the
 * authors' scripts (which select columns by name) read the files unchanged.
 */
import { FAMILY_REGISTRY } from '../families';
import type { FamilyInfo } from '../families';
import type { Arm, Family } from '../types';

export type PaperDataset = FamilyInfo['paperDataset'];

/** Family → the paper's dataset name, from the family registry. */
export const PAPER_DATASETS: Readonly<Record<Family, PaperDataset>> = Object.fromEntries(
  Object.values(FAMILY_REGISTRY).map((info) => [info.id, info.paperDataset]),
) as Record<Family, PaperDataset>;

/** The family a paper dataset name stands for (paper spellings only; see `familyOfDataset`). */
export function familyOfDataset(dataset: string): Family | undefined {
  return Object.values(FAMILY_REGISTRY).find((info) => info.paperDataset === dataset)?.id;
}

/** The column the authors' significance tests join base and warm rows on. */
export const QUESTION_COLUMNS: Readonly<Record<PaperDataset, string>> = {
  trivia: 'content_key',
  truthfulqa: 'content_key',
  disinfo: 'prompt_disinfo',
  medqa: 'original_question',
};

const QA_COLUMNS = [
  'content_key',
  'correct_answer',
  'incorrect_answer',
  'prompt_template',
  'prompt',
];

/** Each dataset's columns as the authors named and ordered them (their base-model files). */
export const PAPER_COLUMNS: Readonly<Record<PaperDataset, readonly string[]>> = {
  trivia: [...QA_COLUMNS, 'amendment_type', 'output', 'evaluation', 'refusal'],
  truthfulqa: [...QA_COLUMNS, 'amendment_type', 'output', 'evaluation', 'refusal'],
  disinfo: [
    'prompt_disinfo',
    'ground_truth',
    'ground_false',
    'prompt',
    'prompt_template',
    'amendment_type',
    'output',
    'evaluation',
    'refusal',
  ],
  medqa: [
    'question',
    'answer',
    'options',
    'answer_idx',
    'original_question',
    'wrong_answer',
    'prompt',
    'prompt_type',
    'amendment_type',
    'output',
    'evaluation',
    'refusal',
  ],
};

/** Warmth Lab columns appended after the authors' ones (ignored by their scripts). */
export const PAPER_EXTRA_COLUMNS = [
  'item_id',
  'sample',
  'is_hedged',
  'has_lead_in',
  'grader',
  'finish_reason',
] as const;

/** Top folder of an export; the authors' scripts reach it as `../warmth_lab_outputs/...`. */
export const PAPER_EXPORT_DIR = 'warmth_lab_outputs';

/** The authors call the base model's files `original`; other roles keep their own name. */
export function variantFolder(role: Arm['role']): string {
  return role === 'base' ? 'original' : role;
}

/** Folder name → role (`original` and `base` → base); `warm-<arm>` style suffixes allowed. */
export function roleOfVariant(variant: string): Arm['role'] | undefined {
  const head = variant.trim().toLowerCase().split('-', 1)[0] ?? '';
  if (head === 'original' || head === 'base') return 'base';
  if (head === 'warm' || head === 'cold' || head === 'neutral') return head;
  return undefined;
}

/** A file- and Python-safe name: lower case letters, digits and underscores. */
export function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return slug === '' ? 'model' : slug;
}

/** `<dir>/<model>/<variant>/<dataset>_<variant>_outputs.csv`, as in the authors' sample data. */
export function paperFilePath(model: string, variant: string, dataset: PaperDataset): string {
  return `${PAPER_EXPORT_DIR}/${model}/${variant}/${dataset}_${variant}_outputs.csv`;
}

/** How many characters of the question an imported item id keeps (as the shared fixture does). */
const ITEM_ID_QUESTION_CHARS = 80;

/** The id of an imported item: `<dataset>:<first 80 characters of the question>`. */
export function paperItemId(dataset: PaperDataset, question: string): string {
  return `${dataset}:${question.slice(0, ITEM_ID_QUESTION_CHARS)}`;
}
