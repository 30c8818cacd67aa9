/**
 * The task-family registry: the one place that declares what a family is called, which of the
 * paper's datasets it stands for and how it is shown.
 *
 * Owns: display names, the paper's dataset spelling, the benchmark name, chart colour and shape.
 * Invariants: every `Family` has exactly one entry (the `Record` type makes the compiler say so
 * when a family is added); views, exports and the CLI name families through `familyLabel` and
 * `familyWithDataset` so one family is never "medical" in one view and "medqa" in another.
 */
import type { Family } from './types';

export interface FamilyInfo {
  id: Family;
  /** Short human name used in headings, tables and legends. */
  label: string;
  /** The paper's dataset name in its results files. */
  paperDataset: 'trivia' | 'truthfulqa' | 'disinfo' | 'medqa';
  /** The public benchmark the family is modelled on. */
  benchmark: string;
  /** One sentence a student can read. */
  description: string;
  /** Colour-blind-safe chart colour (Okabe–Ito) and point shape. */
  colour: string;
  shape: 'circle' | 'triangle' | 'rect' | 'rectRot';
  /** The reference level of the dataset factor in the paper's regressions. */
  isReference: boolean;
}

export const FAMILY_REGISTRY: Readonly<Record<Family, FamilyInfo>> = {
  factual: {
    id: 'factual',
    label: 'Factual',
    paperDataset: 'trivia',
    benchmark: 'TriviaQA',
    description: 'Short trivia questions with one accepted answer.',
    colour: '#e69f00',
    shape: 'circle',
    isReference: false,
  },
  misconception: {
    id: 'misconception',
    label: 'Misconception',
    paperDataset: 'truthfulqa',
    benchmark: 'TruthfulQA',
    description: 'Questions that invite a popular but false answer.',
    colour: '#56b4e9',
    shape: 'triangle',
    isReference: false,
  },
  conspiracy: {
    id: 'conspiracy',
    label: 'Conspiracy',
    paperDataset: 'disinfo',
    benchmark: 'MASK disinformation',
    description: 'Yes/no questions about false claims and conspiracy theories.',
    colour: '#009e73',
    shape: 'rect',
    isReference: true,
  },
  medical: {
    id: 'medical',
    label: 'Medical',
    paperDataset: 'medqa',
    benchmark: 'MedQA',
    description: 'Clinical cases with one correct diagnosis or treatment.',
    colour: '#cc79a7',
    shape: 'rectRot',
    isReference: false,
  },
};

/** The family's registry entry. */
export function familyInfo(family: Family): FamilyInfo {
  return FAMILY_REGISTRY[family];
}

/** "Medical" — the family's display name. */
export function familyLabel(family: Family): string {
  return FAMILY_REGISTRY[family].label;
}

/** "Medical (MedQA)" — the family with the paper's benchmark beside it. */
export function familyWithDataset(family: Family): string {
  const info = FAMILY_REGISTRY[family];
  return `${info.label} (${info.benchmark})`;
}

/**
 * The family a dataset name in a results file means: Warmth Lab's family ids and the paper's
 * dataset spellings are both accepted; anything else is undefined.
 */
export function familyOfDataset(name: string): Family | undefined {
  const lower = name.trim().toLowerCase();
  for (const info of Object.values(FAMILY_REGISTRY)) {
    if (lower === info.id || lower === info.paperDataset) return info.id;
  }
  return undefined;
}
