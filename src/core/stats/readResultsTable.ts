/**
 * THE reader of a ready-to-analyse long outputs CSV (`model, dataset, variant, item_id,
 * amendment_type, prompt_type, output, evaluation[, sample]`, e.g. synthetic-long.csv or
 * qwen32b-outputs-long.csv): the CLI's `analyze` and the Results view (through its worker)
 * both call `readResultsTable`, so one file gives one analysis, with the same row counts.
 *
 * Owns: chunked parsing with progress, and the one rule for blank `evaluation` cells: they are
 * RULE-GRADED with the rule graders from the file's question/answer columns (counted as
 * `ruleGraded`), because the authors' published sample leaves some cells blank and dropping
 * them would silently shrink (and bias) the sample; a blank row that cannot be graded (no
 * answer columns, or an answer the graders find unparseable) is left out and counted under its
 * reason, never guessed. Rule grades follow the chosen convention (`correct` unless given);
 * given `evaluation` cells are read as they are. Invariants: all-or-nothing — the first bad row throws a
 * ResultsTableError starting "<file>: line N:" with what was expected.
 */
import { CsvParser, CsvSyntaxError } from '../csv';
import type { CsvRecord } from '../csv';
import { OutputTableError, gradeResponse, readOutputTable } from '../grading';
import { EVALUATION_CODES } from '../results';
import type { GradingConvention, Outcome } from '../types';
import type { ExclusionNote, ProgressSink, TableData } from './analysisData';
import { AnalysisInputError, AnalysisTableBuilder } from './analysisRows';
import { readRegularResults } from './readRegularResults';
import type { AnalysisTable } from './analysisRows';

/** Bad input in a results table; the message names the file and line and what was expected. */
export class ResultsTableError extends Error {
  override name = 'ResultsTableError';
}

/** Characters parsed between progress reports. */
const CHUNK_CHARS = 1 << 20;

const NOT_GRADABLE = 'no evaluation, and the row lacks the answer columns the rule graders need';
const UNPARSEABLE = 'no evaluation, and the rule graders found the answer unparseable';

/** Rule-grades the whole file once, the first time an empty evaluation is met. */
class LazyGrades {
  #byLine: Map<number, Outcome | null> | null = null;

  constructor(
    readonly text: string,
    readonly fileName: string,
    readonly convention: GradingConvention,
  ) {}

  outcomeAt(line: number): Outcome | null {
    this.#byLine ??= this.#gradeAll(line);
    return this.#byLine.get(line) ?? null;
  }

  #gradeAll(line: number): Map<number, Outcome | null> {
    let rows;
    try {
      rows = readOutputTable(this.text, this.fileName);
    } catch (error) {
      if (!(error instanceof OutputTableError)) throw error;
      throw new ResultsTableError(
        `${this.fileName}: line ${line}: the evaluation is empty and the rule graders cannot grade the file (${error.message})`,
      );
    }
    return new Map(
      rows.map((row) => [
        row.line,
        row.item
          ? gradeResponse(row.item, row.output, { convention: this.convention }).outcome
          : null,
      ]),
    );
  }
}

interface ReadState {
  builder: AnalysisTableBuilder;
  evaluationAt: number;
  hasHeader: boolean;
  grades: LazyGrades;
  notes: Map<string, number>;
  ruleGraded: number;
}

function addRecords(state: ReadState, records: CsvRecord[]): void {
  for (const record of records) {
    if (!state.hasHeader) {
      state.builder.addHeader(record);
      const names = record.fields.map((field) => field.trim().toLowerCase());
      state.evaluationAt = names.indexOf('evaluation');
      state.hasHeader = true;
      continue;
    }
    const cell = record.fields[state.evaluationAt];
    if (cell !== undefined && cell.trim() === '') {
      const outcome = state.grades.outcomeAt(record.line);
      const reason = outcome === null ? NOT_GRADABLE : outcome === 'unparseable' ? UNPARSEABLE : '';
      if (reason !== '') {
        state.notes.set(reason, (state.notes.get(reason) ?? 0) + 1);
        continue;
      }
      record.fields[state.evaluationAt] = EVALUATION_CODES[outcome as Outcome];
      state.ruleGraded++;
    }
    state.builder.addRecord(record);
  }
}

/** Rows left out here plus those the table builder skipped (UNPARSEABLE, cold/neutral arms). */
function collectNotes(counts: Map<string, number>, table: AnalysisTable): ExclusionNote[] {
  for (const { reason } of table.skipped) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts].map(([reason, count]) => ({ reason, count }));
}

/** The general lane: papaparse in chunks, rule-grading blank evaluations. */
function readAnyTable(
  text: string,
  fileName: string,
  progress: ProgressSink,
  convention: GradingConvention,
): ReadState {
  const parser = new CsvParser();
  const state: ReadState = {
    builder: new AnalysisTableBuilder(),
    evaluationAt: -1,
    hasHeader: false,
    grades: new LazyGrades(text, fileName, convention),
    notes: new Map(),
    ruleGraded: 0,
  };
  try {
    for (let at = 0; at < text.length; at += CHUNK_CHARS) {
      addRecords(state, parser.push(text.slice(at, at + CHUNK_CHARS)));
      progress(`Reading ${fileName}`, Math.min(at + CHUNK_CHARS, text.length), text.length);
    }
    addRecords(state, parser.end());
  } catch (error) {
    if (error instanceof AnalysisInputError || error instanceof CsvSyntaxError) {
      throw new ResultsTableError(`${fileName}: ${error.message}`);
    }
    throw error;
  }
  if (!state.hasHeader) {
    throw new ResultsTableError(`${fileName}: line 1: empty file (expected a header row)`);
  }
  return state;
}

/**
 * Parses a long outputs CSV into a table, rule-grading blank evaluations under `convention`
 * (see the module header). Throws a ResultsTableError naming the file and line of the first
 * problem (missing columns, bad variant/dataset/evaluation, broken quoting). A regular file
 * with every evaluation given takes the fast lane; the result is the same either way.
 */
export function readResultsTable(
  text: string,
  fileName: string,
  progress: ProgressSink = () => {},
  convention: GradingConvention = 'correct',
): TableData {
  const regular = readRegularResults(text, fileName, progress);
  const state = regular
    ? { builder: regular.builder, notes: new Map<string, number>(), ruleGraded: 0 }
    : readAnyTable(text, fileName, progress, convention);
  progress(`Reading ${fileName}`, text.length, text.length);
  return tableDataOf(state.builder.finish(), fileName, state, convention);
}

/**
 * The TableData of a finished table: left-out rows as notes, the source line; throws when no
 * row is left to analyse. `read.notes` holds rows left out before the builder saw them.
 */
export function tableDataOf(
  table: AnalysisTable,
  fileName: string,
  read: { notes: Map<string, number>; ruleGraded: number },
  convention: GradingConvention,
): TableData {
  if (table.size === 0) {
    throw new ResultsTableError(
      `${fileName}: no data rows to analyse (expected a header row and result rows)`,
    );
  }
  const notes = collectNotes(read.notes, table);
  const rows = table.size + notes.reduce((sum, note) => sum + note.count, 0);
  const source = {
    bundle: 1,
    file: fileName,
    device: '',
    layout: 'analysis-table',
    rows,
    warnings: [],
  };
  const { ruleGraded } = read;
  return { kind: 'table', table, sources: [source], notes, ruleGraded, convention };
}
