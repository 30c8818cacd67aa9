/**
 * Validation of single rows of a long results table.
 *
 * Owns: what a well-formed row is. Invariant: every rejection is an AnalysisInputError whose
 * message names the line and what was expected, never a silent coercion.
 */
import type { PlainRow } from './analysisRows';
import { KNOWN_PROMPT_TYPES, isKnownDataset, isKnownPromptType } from './vocabulary';

/** Bad analysis input, with the 1-based line of the offending row. */
export class AnalysisInputError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'AnalysisInputError';
  }
}

/** Checks the non-empty and known-name rules of one row. */
export function validateRow(row: PlainRow, line: number): void {
  if (!row.model) throw new AnalysisInputError('empty model', line);
  if (!row.itemId) throw new AnalysisInputError('empty item_id', line);
  if (!row.amendmentType) throw new AnalysisInputError('empty amendment_type', line);
  if (!isKnownDataset(row.dataset)) {
    throw new AnalysisInputError(
      `unknown dataset "${row.dataset}"; expected disinfo, medqa, trivia, truthfulqa or conspiracy, medical, factual, misconception`,
      line,
    );
  }
  if (!isKnownPromptType(row.promptType)) {
    throw new AnalysisInputError(
      `unknown prompt_type "${row.promptType}"; expected one of ${KNOWN_PROMPT_TYPES.join(', ')}`,
      line,
    );
  }
}

/** `base` → false, `warm` → true (case-insensitive). */
export function parseVariant(value: string, line: number): boolean {
  const lower = value.toLowerCase();
  if (lower === 'base') return false;
  if (lower === 'warm') return true;
  throw new AnalysisInputError(`variant must be base or warm (got "${value}")`, line);
}

/** The grader verdict column. */
export function parseEvaluation(value: string, line: number): 'correct' | 'incorrect' | 'refusal' {
  const lower = value.toLowerCase();
  if (lower === 'correct' || lower === 'incorrect' || lower === 'refusal') return lower;
  throw new AnalysisInputError(
    `evaluation must be CORRECT, INCORRECT or REFUSAL (got "${value}")`,
    line,
  );
}

/** Optional repeated-sampling index; blank means 0. */
export function parseSample(value: string, line: number): number {
  if (value === '') return 0;
  const sample = Number(value);
  if (!Number.isInteger(sample) || sample < 0 || sample > 0xffff) {
    throw new AnalysisInputError(`sample must be a whole number 0–65535 (got "${value}")`, line);
  }
  return sample;
}

/** A row that is well formed but carries nothing to analyse, with the reason it was left out. */
export interface SkippedAnalysisRow {
  line: number;
  reason: string;
}

/**
 * Why a row is left out of the analysis, or null to keep it. Warm Lab's own exports contain
 * ungraded and unparseable answers and cold/neutral arms: they are reported, not fatal.
 */
export function skipReason(evaluation: string, variant: string): string | null {
  const verdict = evaluation.toLowerCase();
  if (verdict === '') return 'not graded (empty evaluation)';
  if (verdict === 'unparseable') return 'grade is UNPARSEABLE: no verdict to analyse';
  const arm = variant.toLowerCase();
  if (arm === 'cold' || arm === 'neutral') return `arm role "${variant}" is neither base nor warm`;
  return null;
}
