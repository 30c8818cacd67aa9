/**
 * Reads Warmth Lab's long results CSV back into response records.
 *
 * Owns: `fromLongCsv`. Invariants: all-or-nothing — the first bad cell throws a
 * ResultsFormatError naming the file, line and column; `fromLongCsv(toLongCsv(r))` returns
 * records equal to `r` (up to grades repeated by the same grader, where the last one is kept).
 * The `evaluation` column is derived data and is only used when a row has no grade columns
 * (e.g. a file edited by hand), as a grade by `evaluation_grader` or `imported`. The
 * `convention` and `confidence` columns (optional, for older files) go back onto the grades.
 */
import { CsvSyntaxError, parseCsvObjects } from '../csv';
import type { CsvObjectRow } from '../csv';
import { isBeliefId, isContextId } from '../framing';
import { FAMILIES, GRADING_CONVENTIONS } from '../types';
import type {
  Arm,
  Condition,
  GenerateResult,
  Grade,
  GradingConvention,
  ResponseRecord,
  Usage,
} from '../types';
import { RowReader } from './cells';
import { ResultsFormatError } from './errors';
import type { ResultsReadReport } from './errors';
import { parseOutcome } from './grades';
import { GRADE_PREFIX, LONG_REQUIRED_COLUMNS, graderColumns } from './longColumns';
import type { ExportRecord } from './longCsv';

const ROLES: readonly Arm['role'][] = ['base', 'warm', 'cold', 'neutral'];
const FINISH_REASONS: readonly GenerateResult['finishReason'][] = [
  'stop',
  'length',
  'abort',
  'error',
];
const CUSTOM_ID = /^custom:.+/;

/** Parses CSV text, turning syntax errors into errors that name the file. */
export function parseResultsCsv(
  text: string,
  fileName: string,
): { header: string[]; rows: CsvObjectRow[] } {
  try {
    return parseCsvObjects(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      throw new ResultsFormatError(fileName, error.message.replace(/^line \d+: /, ''), error.line);
    }
    throw error;
  }
}

function readCondition(reader: RowReader): Condition {
  const context = reader.required('context').trim();
  const belief = reader.required('belief').trim();
  if (!isContextId(context) && !CUSTOM_ID.test(context)) {
    reader.fail(`column context: unknown context "${context}"`);
  }
  if (!isBeliefId(belief) && !CUSTOM_ID.test(belief)) {
    reader.fail(`column belief: unknown belief "${belief}"`);
  }
  const condition: Condition = {
    context: context as Condition['context'],
    belief: belief as Condition['belief'],
  };
  const isHedged = reader.optionalBoolean('is_hedged');
  const hasLeadIn = reader.optionalBoolean('has_lead_in');
  if (isHedged !== undefined) condition.isHedged = isHedged;
  if (hasLeadIn !== undefined) condition.hasLeadIn = hasLeadIn;
  return condition;
}

/** The row's graders in the record's own order (`grader_order`), then any others. */
function orderGraders(reader: RowReader, graders: readonly string[]): string[] {
  const cell = reader.text('grader_order').trim();
  if (cell === '') return [...graders];
  let order: unknown;
  try {
    order = JSON.parse(cell);
  } catch {
    order = undefined;
  }
  if (!Array.isArray(order) || !order.every((entry) => typeof entry === 'string')) {
    reader.fail(`column grader_order should be a JSON list of grader ids, found "${cell}"`);
  }
  const listed = (order as string[]).filter((grader) => graders.includes(grader));
  return [...listed, ...graders.filter((grader) => !listed.includes(grader))];
}

/**
 * Puts the row's `convention` on its machine grades (people label the answer, not a rubric)
 * and its `confidence` on the chosen grade; empty cells leave the grades as they are.
 */
function withConvention(reader: RowReader, grades: Grade[]): Grade[] {
  const convention = reader.text('convention').trim();
  const confidence = reader.text('confidence').trim();
  if (convention !== '' && !GRADING_CONVENTIONS.some((c) => c === convention)) {
    reader.fail(`column convention should be correct or truthful, found "${convention}"`);
  }
  if (confidence !== '' && confidence !== 'high' && confidence !== 'low') {
    reader.fail(`column confidence should be high or low, found "${confidence}"`);
  }
  const chosen = reader.text('evaluation_grader').trim();
  const lastChosen = grades.map((g) => g.grader).lastIndexOf(chosen);
  return grades.map((grade, index) => {
    const out = { ...grade };
    if (convention !== '' && !grade.grader.startsWith('human:')) {
      out.convention = convention as GradingConvention;
    }
    if (confidence !== '' && index === lastChosen) out.confidence = confidence;
    return out;
  });
}

function readGrades(reader: RowReader, allGraders: readonly string[]): Grade[] {
  const grades: Grade[] = [];
  for (const grader of orderGraders(reader, allGraders)) {
    const columns = graderColumns(grader);
    const code = reader.text(columns.grade).trim();
    if (code === '') continue;
    const outcome = parseOutcome(code);
    if (!outcome) {
      reader.fail(
        `column ${columns.grade} should be CORRECT, INCORRECT, REFUSAL or UNPARSEABLE, found "${code}"`,
      );
    }
    const grade: Grade = { outcome, grader, reason: reader.text(columns.reason) };
    const at = reader.text(columns.at).trim();
    if (at !== '') grade.at = at;
    grades.push(grade);
  }
  if (grades.length > 0) return withConvention(reader, grades);
  const evaluation = reader.text('evaluation').trim();
  if (evaluation === '') return [];
  const outcome = parseOutcome(evaluation);
  if (!outcome)
    reader.fail(
      `column evaluation should be CORRECT, INCORRECT, REFUSAL or UNPARSEABLE, found "${evaluation}"`,
    );
  const grader = reader.text('evaluation_grader').trim() || 'imported';
  return withConvention(reader, [{ outcome, grader, reason: 'evaluation column' }]);
}

function readUsage(reader: RowReader): Usage {
  const usage: Usage = {
    promptTokens: reader.wholeNumber('prompt_tokens', 0),
    completionTokens: reader.wholeNumber('completion_tokens', 0),
  };
  const prefill = reader.optionalNumber('prefill_tokens_per_second');
  const decode = reader.optionalNumber('decode_tokens_per_second');
  if (prefill !== undefined) usage.prefillTokensPerSecond = prefill;
  if (decode !== undefined) usage.decodeTokensPerSecond = decode;
  return usage;
}

function readPrompt(reader: RowReader): ResponseRecord['prompt'] {
  const variantIds: ResponseRecord['prompt']['variantIds'] = {};
  const context = reader.text('variant_context');
  const belief = reader.text('variant_belief');
  const leadIn = reader.text('variant_lead_in');
  if (context !== '') variantIds.context = context;
  if (belief !== '') variantIds.belief = belief;
  if (leadIn !== '') variantIds.leadIn = leadIn;
  return { text: reader.text('prompt'), variantIds };
}

function readRecord(reader: RowReader, graders: readonly string[]): ExportRecord {
  const record: ExportRecord = {
    runId: reader.required('run_id'),
    planIndex: reader.wholeNumber('plan_index'),
    armId: reader.required('arm_id'),
    armRole: reader.oneOf('arm_role', ROLES),
    // `arm_model` holds the arm's own weights when they differ from the compared `model`.
    modelId: reader.text('arm_model') || reader.required('model'),
    itemId: reader.required('item_id'),
    family: reader.oneOf('dataset', FAMILIES),
    condition: readCondition(reader),
    sample: reader.wholeNumber('sample'),
    prompt: readPrompt(reader),
    output: reader.text('output'),
    finishReason: reader.oneOf('finish_reason', FINISH_REASONS),
    grades: readGrades(reader, graders),
    usage: readUsage(reader),
    elapsedMs: reader.optionalNumber('elapsed_ms') ?? 0,
    createdAt: reader.required('created_at'),
  };
  const seed = reader.optionalNumber('seed');
  if (seed !== undefined) record.seed = seed;
  const device = reader.text('device');
  if (device !== '') record.device = device;
  return record;
}

/**
 * Reads a long CSV written by `toLongCsv` back into records (with `device` when the file has
 * one). Throws a ResultsFormatError naming the file, line and column of the first problem.
 */
export function fromLongCsv(
  text: string,
  fileName: string,
): { records: ExportRecord[]; report: ResultsReadReport } {
  const { header, rows } = parseResultsCsv(text, fileName);
  const missing = LONG_REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new ResultsFormatError(
      fileName,
      `missing column(s) ${missing.join(', ')}; a Warmth Lab long CSV needs ${LONG_REQUIRED_COLUMNS.join(', ')}`,
      header.length === 0 ? undefined : 1,
    );
  }
  const graders = header
    .filter((column) => column.startsWith(GRADE_PREFIX))
    .map((column) => column.slice(GRADE_PREFIX.length));
  const records = rows.map((row) => readRecord(new RowReader(fileName, row), graders));
  const warnings = findDuplicatePlanEntries(records, rows);
  const report = {
    layout: 'warmth-lab-long',
    rowsRead: rows.length,
    recordsMade: records.length,
    warnings,
  };
  return { records, report };
}

/** (run, plan index) must be unique; a repeat is reported (not fatal) so pooling can decide. */
function findDuplicatePlanEntries(
  records: readonly ExportRecord[],
  rows: readonly CsvObjectRow[],
): string[] {
  const seen = new Map<string, number>();
  const warnings: string[] = [];
  records.forEach((record, i) => {
    const key = `${record.runId}#${record.planIndex}`;
    const line = rows[i]?.line ?? 0;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, line);
    else
      warnings.push(
        `line ${line}: run ${record.runId} plan entry ${record.planIndex} repeats line ${first}`,
      );
  });
  return warnings;
}
