/**
 * Reading a long table of model outputs (CSV or JSONL) into gradable rows.
 *
 * Owns: the column contract of the paper-style outputs table — dataset, question, correct_answer,
 * incorrect_answer, options, answer_idx, prompt, output, optional evaluation (and optional
 * item_id, variant, model) — and turning each row into an `Item`. Datasets map to families:
 * disinfo→conspiracy, medqa→medical, trivia→factual, truthfulqa→misconception (family names are
 * accepted too). Invariants: a row without its answer columns (the paper's warm rows) is kept
 * with `item: null` and a reason, never guessed; malformed cells throw `OutputTableError` naming
 * the file, the line and what was expected.
 */
import { parseCsvObjects } from '../csv';
import type { Family, Item, Outcome } from '../types';
import { buildConspiracyItem, buildPlainItem, buildMedicalItem } from './rowItems';

export class OutputTableError extends Error {
  override name = 'OutputTableError';
}

/** One row of an outputs table. */
export interface OutputRow {
  line: number;
  dataset: string;
  family: Family;
  /** Null when the row lacks the answers needed to grade it. */
  item: Item | null;
  notGradedReason?: string;
  /** The `question` cell, as written. */
  question: string;
  output: string;
  prompt: string;
  /** Reference label (the paper's GPT-4o verdict), when present. */
  evaluation: Outcome | null;
  /** Extra grouping columns when present (variant = base/warm arm, model). */
  variant?: string;
  /** The `item_id` cell when non-empty: rows of one item share it across arms and prompts. */
  itemId?: string;
  /** Line of the row whose answers this row borrowed (see `fillFromTwins`), when it did. */
  filledFromLine?: number;
}

const DATASET_FAMILIES: Record<string, Family> = {
  disinfo: 'conspiracy',
  medqa: 'medical',
  trivia: 'factual',
  triviaqa: 'factual',
  truthfulqa: 'misconception',
  conspiracy: 'conspiracy',
  medical: 'medical',
  factual: 'factual',
  misconception: 'misconception',
};

const REQUIRED_COLUMNS = ['dataset', 'question', 'correct_answer', 'incorrect_answer', 'output'];
/** Columns needed when the answers come from a question file (`grade --questions`). */
const CORE_COLUMNS = ['dataset', 'question', 'output'];

export interface ReadOutputOptions {
  /** True when answers come from a question file, so the answer columns may be absent. */
  isAnswerOptional?: boolean;
}

const EVALUATIONS: Record<string, Outcome> = {
  correct: 'correct',
  incorrect: 'incorrect',
  refusal: 'refusal',
  unparseable: 'unparseable',
};

type Values = Record<string, string>;

function parseEvaluation(cell: string): Outcome | null {
  const text = cell.trim().toLowerCase();
  if (text === '') return null;
  const outcome = EVALUATIONS[text];
  if (!outcome)
    throw new Error(`evaluation "${cell}" is not CORRECT, INCORRECT, REFUSAL or UNPARSEABLE`);
  return outcome;
}

function buildItem(values: Values, family: Family, ref: string, line: number): Item | string {
  switch (family) {
    case 'conspiracy':
      return buildConspiracyItem(values, ref, line);
    case 'medical':
      return buildMedicalItem(values, ref, line);
    default:
      return buildPlainItem(values, family, ref, line);
  }
}

function toRow(values: Values, line: number, file: string): OutputRow {
  const dataset = (values.dataset ?? '').trim();
  const family = DATASET_FAMILIES[dataset.toLowerCase()];
  if (!family) {
    const known = Object.keys(DATASET_FAMILIES).join(', ');
    throw new OutputTableError(
      `${file}:${line}: unknown dataset "${dataset}" (expected one of ${known})`,
    );
  }
  let evaluation: Outcome | null;
  let built: Item | string;
  try {
    evaluation = parseEvaluation(values.evaluation ?? '');
    built = buildItem(values, family, file, line);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new OutputTableError(`${file}:${line}: ${message}`);
  }
  const variant = values.variant?.trim();
  const itemId = values.item_id?.trim();
  return {
    line,
    dataset,
    family,
    item: typeof built === 'string' ? null : built,
    ...(typeof built === 'string' ? { notGradedReason: built } : {}),
    question: values.question ?? '',
    output: values.output ?? '',
    prompt: values.prompt ?? '',
    evaluation,
    ...(variant ? { variant } : {}),
    ...(itemId ? { itemId } : {}),
  };
}

function stringifyValues(raw: Record<string, unknown>): Values {
  const values: Values = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === null || value === undefined) values[key] = '';
    else values[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return values;
}

function readJsonl(text: string, file: string): { values: Values; line: number }[] {
  const rows: { values: Values; line: number }[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new OutputTableError(`${file}:${i + 1}: expected one JSON object per line`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new OutputTableError(
        `${file}:${i + 1}: expected a JSON object, found ${typeof parsed}`,
      );
    }
    rows.push({ values: stringifyValues(parsed as Record<string, unknown>), line: i + 1 });
  });
  return rows;
}

function readCsv(
  text: string,
  file: string,
  required: readonly string[],
): { values: Values; line: number }[] {
  let parsed: ReturnType<typeof parseCsvObjects>;
  try {
    parsed = parseCsvObjects(text);
  } catch (error) {
    throw new OutputTableError(
      `${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const missing = required.filter((c) => !parsed.header.includes(c));
  if (missing.length > 0) {
    throw new OutputTableError(
      `${file}: missing column(s) ${missing.join(', ')} (need ${required.join(', ')}` +
        (required === REQUIRED_COLUMNS ? '; or take the answers from --questions QFILE)' : ')'),
    );
  }
  return parsed.rows;
}

/**
 * Parses an outputs table; JSONL when the first non-blank character is "{", CSV otherwise.
 * Throws `OutputTableError` with file and line on malformed input.
 */
export function readOutputTable(
  text: string,
  file: string,
  options: ReadOutputOptions = {},
): OutputRow[] {
  const isJsonl = text.trimStart().startsWith('{');
  const required = options.isAnswerOptional ? CORE_COLUMNS : REQUIRED_COLUMNS;
  const rows = isJsonl ? readJsonl(text, file) : readCsv(text, file, required);
  return rows.map(({ values, line }) => toRow(values, line, file));
}
