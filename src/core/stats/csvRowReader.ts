/**
 * From CSV records of the long results layout to analysis rows (analysisRows.ts's builder).
 *
 * Owns: the header's column positions and turning one record's cells into a row — skip
 * reason, verdict, arm, refusal, sample — with the per-row work memoised on the cell text,
 * because a paper-scale file repeats a handful of values 440,000 times (issue 12's speed
 * target). Invariant: a memo only skips repeating a pure parse of the same text, so every row
 * gets the verdict, error and line the plain parse would give.
 */
import type { CsvRecord } from '../csv';
import type { PlainRow } from './analysisRows';
import { isPaperRefusal } from './refusal';
import {
  AnalysisInputError,
  parseEvaluation,
  parseSample,
  parseVariant,
  skipReason,
} from './rowValidation';

/** Column names the long layout must provide (`sample` is optional). */
export const REQUIRED_COLUMNS = [
  'model',
  'dataset',
  'variant',
  'item_id',
  'amendment_type',
  'prompt_type',
  'output',
  'evaluation',
] as const;

/** Where rows go: the analysis table builder. */
export interface RowSink {
  /** Adds a row whose level values were all seen before; false (adding nothing) otherwise. */
  addKnownRow(row: PlainRow): boolean;
  /** Validates and adds any row. */
  addRow(row: PlainRow): void;
  skip(line: number, reason: string): void;
}

/** True for a character `trim` never removes (printable ASCII): most cells start and end so. */
function isPrintableAscii(code: number): boolean {
  return code > 32 && code < 127;
}

/** One trimmed cell; '' for an absent optional column. */
function cellAt(fields: string[], index: number): string {
  if (index < 0) return '';
  const cell = fields[index] ?? '';
  // Skipping the call when both ends are printable ASCII saves a builtin call per cell.
  const isTrimmed =
    cell.length > 0 &&
    isPrintableAscii(cell.charCodeAt(0)) &&
    isPrintableAscii(cell.charCodeAt(cell.length - 1));
  return isTrimmed ? cell : cell.trim();
}

/** How an (evaluation, variant) pair reads: a skip reason, or a verdict and an arm. */
interface ArmVerdict {
  reason: string | null;
  verdict: 'correct' | 'incorrect' | 'refusal';
  isWarm: boolean;
}

const BASE_CORRECT: ArmVerdict = { reason: null, verdict: 'correct', isWarm: false };
const WARM_CORRECT: ArmVerdict = { reason: null, verdict: 'correct', isWarm: true };
const BASE_INCORRECT: ArmVerdict = { reason: null, verdict: 'incorrect', isWarm: false };
const WARM_INCORRECT: ArmVerdict = { reason: null, verdict: 'incorrect', isWarm: true };

/** Memoised refusal rule: outputs repeat (multiple-choice answers, canned replies). */
const MAX_REMEMBERED_OUTPUTS = 4096;
const MAX_REMEMBERED_LENGTH = 256;

export class CsvRowReader {
  readonly #sink: RowSink;
  #width = 0;
  #model = -1;
  #dataset = -1;
  #variant = -1;
  #item = -1;
  #amendment = -1;
  #prompt = -1;
  #output = -1;
  #evaluation = -1;
  #sample = -1;
  /** Evaluation text → variant text → how the pair reads. */
  readonly #verdicts = new Map<string, Map<string, ArmVerdict>>();
  readonly #refusals = new Map<string, boolean>();
  readonly #samples = new Map<string, number>();
  /** The previous row's output and whether it was a refusal (base and warm often agree). */
  #lastOutput = '';
  #lastRefusal = false;
  /** One row object, refilled per record: the builder copies its values into columns. */
  readonly #row: PlainRow = {
    model: '',
    dataset: '',
    isWarm: false,
    itemId: '',
    amendmentType: '',
    promptType: '',
    isCorrect: false,
    isRefusal: false,
    sample: 0,
    line: 0,
  };

  constructor(sink: RowSink) {
    this.#sink = sink;
  }

  /** Reads the header record; throws naming any missing column. */
  readHeader(record: CsvRecord): void {
    const names = record.fields.map((field) => field.trim().toLowerCase());
    const missing = REQUIRED_COLUMNS.filter((column) => !names.includes(column));
    if (missing.length > 0) {
      throw new AnalysisInputError(
        `missing column(s) ${missing.join(', ')}; expected ${REQUIRED_COLUMNS.join(', ')} (sample optional)`,
        record.line,
      );
    }
    this.#width = names.length;
    this.#model = names.indexOf('model');
    this.#dataset = names.indexOf('dataset');
    this.#variant = names.indexOf('variant');
    this.#item = names.indexOf('item_id');
    this.#amendment = names.indexOf('amendment_type');
    this.#prompt = names.indexOf('prompt_type');
    this.#output = names.indexOf('output');
    this.#evaluation = names.indexOf('evaluation');
    this.#sample = names.indexOf('sample');
  }

  /** Adds one data record (after the header). */
  readRecord(record: CsvRecord): void {
    const { fields, line } = record;
    if (this.#width === 0) throw new AnalysisInputError('data row before the header row', line);
    if (fields.length !== this.#width) {
      throw new AnalysisInputError(
        `expected ${this.#width} fields like the header, found ${fields.length} ` +
          '(is a comma inside an unquoted output?)',
        line,
      );
    }
    const arm = this.#armVerdict(
      cellAt(fields, this.#evaluation),
      cellAt(fields, this.#variant),
      line,
    );
    if (arm.reason !== null) {
      this.#sink.skip(line, arm.reason);
      return;
    }
    const row = this.#row;
    row.model = cellAt(fields, this.#model);
    row.dataset = cellAt(fields, this.#dataset);
    row.isWarm = arm.isWarm;
    row.itemId = cellAt(fields, this.#item);
    row.amendmentType = cellAt(fields, this.#amendment);
    row.promptType = cellAt(fields, this.#prompt);
    row.isCorrect = arm.verdict === 'correct';
    row.isRefusal = arm.verdict === 'refusal' || this.#isRefusal(cellAt(fields, this.#output));
    row.sample = this.#sampleOf(cellAt(fields, this.#sample), line);
    row.line = line;
    if (!this.#sink.addKnownRow(row)) this.#sink.addRow(row);
  }

  #armVerdict(evaluation: string, variant: string, line: number): ArmVerdict {
    const isWarm = variant === 'warm' ? true : variant === 'base' ? false : null;
    // The spellings of the authors' files and Warmth Lab's exports, without a Map lookup.
    if (isWarm !== null) {
      if (evaluation === 'CORRECT') return isWarm ? WARM_CORRECT : BASE_CORRECT;
      if (evaluation === 'INCORRECT') return isWarm ? WARM_INCORRECT : BASE_INCORRECT;
    }
    return this.#parseArm(evaluation, variant, line);
  }

  #parseArm(evaluation: string, variant: string, line: number): ArmVerdict {
    let byVariant = this.#verdicts.get(evaluation);
    const known = byVariant?.get(variant);
    if (known) return known;
    const reason = skipReason(evaluation, variant);
    if (reason !== null) return { reason, verdict: 'incorrect', isWarm: false };
    // Remembered only once it parses: a bad value fails on every row that has it.
    const verdict: ArmVerdict = {
      reason,
      verdict: parseEvaluation(evaluation, line),
      isWarm: parseVariant(variant, line),
    };
    if (!byVariant) this.#verdicts.set(evaluation, (byVariant = new Map()));
    byVariant.set(variant, verdict);
    return verdict;
  }

  #isRefusal(output: string): boolean {
    if (output === this.#lastOutput) return this.#lastRefusal;
    this.#lastOutput = output;
    this.#lastRefusal = this.#rememberedRefusal(output);
    return this.#lastRefusal;
  }

  #rememberedRefusal(output: string): boolean {
    if (output.length > MAX_REMEMBERED_LENGTH) return isPaperRefusal(output);
    const known = this.#refusals.get(output);
    if (known !== undefined) return known;
    const isRefusal = isPaperRefusal(output);
    if (this.#refusals.size >= MAX_REMEMBERED_OUTPUTS) this.#refusals.clear();
    this.#refusals.set(output, isRefusal);
    return isRefusal;
  }

  #sampleOf(value: string, line: number): number {
    if (value === '') return 0;
    let sample = this.#samples.get(value);
    if (sample === undefined) {
      sample = parseSample(value, line);
      this.#samples.set(value, sample);
    }
    return sample;
  }
}
