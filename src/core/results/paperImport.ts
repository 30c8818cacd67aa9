/**
 * Imports results in the paper authors' layouts back into response records (and the items
 * their answer columns describe).
 *
 * Owns: recognising the two layouts — one file per model × variant × dataset as published
 * in lujainibrahim/warm_ai_2025 (`<model>/<original|warm>/<dataset>_<…>_outputs.csv`, also
 * what `toPaperLayout` writes) and the long table with `model, dataset, variant` columns used
 * by the shared fixture — and turning each row into a record. Invariants: item ids are
 * `<dataset>:<first 80 characters of the question>` unless the file has `item_id`, so base
 * and warm files of one model pair up; a repeated (model, variant, item, condition) gets the
 * next `sample` number; the first bad cell throws a ResultsFormatError naming file and line.
 */
import { fromPaperCodes } from '../framing';
import type { Arm, Condition, Family, GenerateResult, Grade, Item, ResponseRecord } from '../types';
import { RowReader } from './cells';
import { ResultsFormatError } from './errors';
import type { ResultsReadReport } from './errors';
import { parseOutcome } from './grades';
import { parseResultsCsv } from './longCsvRead';
import { itemFromRow } from './paperItems';
import type { PaperDataset } from './paperNames';
import {
  PAPER_DATASETS,
  QUESTION_COLUMNS,
  familyOfDataset,
  paperItemId,
  roleOfVariant,
} from './paperNames';

export interface PaperImportOptions {
  /** Model name; otherwise taken from the `<model>/<variant>/` folders in the file name. */
  model?: string;
  /** `original`/`base`, `warm`, `cold` or `neutral`; otherwise taken from the file name. */
  variant?: string;
  dataset?: PaperDataset;
  /** Time stamped on the imported records (defaults to now). */
  importedAt?: string;
}

export interface PaperImport {
  records: ResponseRecord[];
  /** Items rebuilt from answer columns (first row of each item wins). */
  items: Item[];
  report: ResultsReadReport;
}

interface FileIdentity {
  model?: string;
  variant?: string;
  dataset?: PaperDataset;
}

const DATASET_NAMES = Object.values(PAPER_DATASETS).sort();
/** "disinfo, medqa, trivia or truthfulqa": the registry's paper datasets, for messages. */
const DATASET_LIST = `${DATASET_NAMES.slice(0, -1).join(', ')} or ${DATASET_NAMES.at(-1) ?? ''}`;
const FILE_NAME = new RegExp(`^(${DATASET_NAMES.join('|')})_([a-z0-9-]+)_outputs\\.csv$`, 'i');
const FINISH_REASONS: readonly string[] = ['stop', 'length', 'abort', 'error'];
const DEFAULT_GRADER = 'judge:imported';

function isPaperDataset(value: string): value is PaperDataset {
  return Object.values(PAPER_DATASETS).includes(value as PaperDataset);
}

/** Model, variant and dataset of a per-model file, from options, then path, then columns. */
function identifyFile(
  header: readonly string[],
  fileName: string,
  options: PaperImportOptions,
): FileIdentity {
  const parts = fileName.split(/[\\/]/);
  const match = FILE_NAME.exec(parts[parts.length - 1] ?? '');
  const byColumns: PaperDataset | undefined = header.includes('prompt_disinfo')
    ? 'disinfo'
    : header.includes('original_question')
      ? 'medqa'
      : undefined;
  return {
    model: options.model ?? (parts.length >= 3 ? parts[parts.length - 3] : undefined),
    variant:
      options.variant ?? match?.[2] ?? (parts.length >= 2 ? parts[parts.length - 2] : undefined),
    dataset:
      options.dataset ?? (match?.[1]?.toLowerCase() as PaperDataset | undefined) ?? byColumns,
  };
}

function requireIdentity(identity: FileIdentity, fileName: string): Required<FileIdentity> {
  const { model, variant, dataset } = identity;
  if (!dataset) {
    throw new ResultsFormatError(
      fileName,
      `cannot tell which dataset this file holds; name it <dataset>_<variant>_outputs.csv (dataset ${DATASET_LIST}) or choose the dataset`,
    );
  }
  if (!variant || !roleOfVariant(variant)) {
    throw new ResultsFormatError(
      fileName,
      `cannot tell whether this file holds base or warm answers (found "${variant ?? ''}"); name it <dataset>_original_outputs.csv or <dataset>_warm_outputs.csv or choose the variant`,
    );
  }
  if (!model) {
    throw new ResultsFormatError(
      fileName,
      'cannot tell which model produced this file; keep it in a <model>/<variant>/ folder or choose the model',
    );
  }
  return { model, variant, dataset };
}

function requireColumns(
  header: readonly string[],
  fileName: string,
  columns: readonly string[],
): void {
  const missing = columns.filter((column) => !header.includes(column));
  if (missing.length > 0)
    throw new ResultsFormatError(fileName, `missing column(s) ${missing.join(', ')}`, 1);
}

/** Identity of one row: from its own columns (long layout) or the file's. */
function rowIdentity(
  reader: RowReader,
  file: Required<FileIdentity> | undefined,
): Required<FileIdentity> {
  if (file) return file;
  const datasetCell = reader.required('dataset').trim();
  // The long layout may spell datasets the paper's way (trivia) or Warmth Lab's (factual).
  const dataset = isPaperDataset(datasetCell)
    ? datasetCell
    : Object.hasOwn(PAPER_DATASETS, datasetCell)
      ? PAPER_DATASETS[datasetCell as Family]
      : undefined;
  if (dataset === undefined) {
    reader.fail(`column dataset should be ${DATASET_LIST}, found "${datasetCell}"`);
  }
  const variant = reader.required('variant').trim();
  if (!roleOfVariant(variant))
    reader.fail(`column variant should be base or warm, found "${variant}"`);
  return { model: reader.required('model').trim(), variant, dataset };
}

function readCondition(reader: RowReader): Condition {
  const promptTemplate = reader.text('prompt_template') || reader.text('prompt_type');
  let condition: Condition;
  try {
    condition = fromPaperCodes({ amendmentType: reader.text('amendment_type'), promptTemplate });
  } catch (error) {
    return reader.fail(error instanceof Error ? error.message : String(error));
  }
  const isHedged = reader.optionalBoolean('is_hedged');
  const hasLeadIn = reader.optionalBoolean('has_lead_in');
  if (isHedged !== undefined) condition.isHedged = isHedged;
  if (hasLeadIn !== undefined) condition.hasLeadIn = hasLeadIn;
  return condition;
}

function readGrades(reader: RowReader): Grade[] {
  const evaluation = reader.text('evaluation').trim();
  if (evaluation === '') return [];
  const outcome = parseOutcome(evaluation);
  if (!outcome)
    reader.fail(`column evaluation should be CORRECT or INCORRECT, found "${evaluation}"`);
  const grader = reader.text('grader').trim() || DEFAULT_GRADER;
  // The `refusal` column marks answers the authors' phrase list caught, whatever the verdict.
  if (reader.text('refusal').trim() === '1') {
    return [{ outcome: 'refusal', grader, reason: `refusal column set; evaluation ${evaluation}` }];
  }
  return [{ outcome, grader, reason: `evaluation column of ${reader.fileName}` }];
}

function questionOf(reader: RowReader, dataset: PaperDataset, isLong: boolean): string {
  if (isLong) return reader.text('question');
  return reader.text(QUESTION_COLUMNS[dataset]) || reader.text('question');
}

interface ImportState {
  runId: string;
  createdAt: string;
  isLong: boolean;
  file: Required<FileIdentity> | undefined;
  samples: Map<string, number>;
  items: Map<string, Item>;
}

function readItemId(
  reader: RowReader,
  dataset: PaperDataset,
  question: string,
  isLong: boolean,
): string {
  const itemId = reader.text('item_id').trim();
  if (itemId !== '') return itemId;
  if (question.trim() === '') {
    const column = isLong ? 'question' : QUESTION_COLUMNS[dataset];
    reader.fail(`no question: column ${column} and item_id are empty`);
  }
  return paperItemId(dataset, question);
}

/** The next sample number of a (model, variant, item, condition) cell in this file. */
function nextSample(state: ImportState, parts: readonly string[]): number {
  const cell = parts.join('\u0000');
  const counted = state.samples.get(cell) ?? 0;
  state.samples.set(cell, counted + 1);
  return counted;
}

function readFinishReason(reader: RowReader): GenerateResult['finishReason'] {
  const finish = reader.text('finish_reason').trim();
  return (FINISH_REASONS.includes(finish) ? finish : 'stop') as GenerateResult['finishReason'];
}

function rowToRecord(reader: RowReader, index: number, state: ImportState): ResponseRecord {
  const { model, variant, dataset } = rowIdentity(reader, state.file);
  const family = familyOfDataset(dataset) as ResponseRecord['family'];
  const question = questionOf(reader, dataset, state.isLong);
  const itemId = readItemId(reader, dataset, question, state.isLong);
  const condition = readCondition(reader);
  const counted = nextSample(state, [model, variant, itemId, JSON.stringify(condition)]);
  if (!state.items.has(itemId)) {
    const item = itemFromRow(reader, family, itemId, question);
    if (item) state.items.set(itemId, item);
  }
  return {
    runId: state.runId,
    planIndex: index,
    armId: `paper:${model}:${variant}`,
    armRole: roleOfVariant(variant) as Arm['role'],
    modelId: model,
    itemId,
    family,
    condition,
    sample: reader.wholeNumber('sample', counted),
    prompt: { text: reader.text('prompt'), variantIds: {} },
    output: reader.text('output'),
    finishReason: readFinishReason(reader),
    grades: readGrades(reader),
    usage: { promptTokens: 0, completionTokens: 0 },
    elapsedMs: 0,
    createdAt: state.createdAt,
  };
}

/** The columns every file needs, plus the question column of a per-model file. */
function requirePaperColumns(
  header: readonly string[],
  fileName: string,
  file: Required<FileIdentity> | undefined,
): void {
  const promptColumn = header.includes('prompt_template') ? 'prompt_template' : 'prompt_type';
  const needed = ['amendment_type', promptColumn, 'output', 'evaluation'];
  if (file) {
    const question = QUESTION_COLUMNS[file.dataset];
    needed.push(header.includes(question) ? question : 'question');
  }
  requireColumns(header, fileName, needed);
}

/**
 * Reads one results file in the paper authors' layout — a per-model file
 * (`<model>/<variant>/<dataset>_<variant>_outputs.csv`) or the long table with `model, dataset,
 * variant` columns — into records, plus the items its answer columns describe.
 * Throws a ResultsFormatError naming the file (and line) when it cannot be read.
 */
export function fromPaperLayout(
  text: string,
  fileName: string,
  options: PaperImportOptions = {},
): PaperImport {
  const { header, rows } = parseResultsCsv(text, fileName);
  const isLong = ['model', 'dataset', 'variant'].every((column) => header.includes(column));
  const file = isLong
    ? undefined
    : requireIdentity(identifyFile(header, fileName, options), fileName);
  requirePaperColumns(header, fileName, file);
  const state: ImportState = {
    runId: `import:${fileName}`,
    createdAt: options.importedAt ?? new Date().toISOString(),
    isLong,
    file,
    samples: new Map(),
    items: new Map(),
  };
  const records = rows.map((row, index) => rowToRecord(new RowReader(fileName, row), index, state));
  const ungraded = records.filter((record) => record.grades.length === 0).length;
  const warnings = ungraded > 0 ? [`${ungraded} row(s) have no evaluation and stay ungraded`] : [];
  const layout = isLong ? 'paper-long' : 'paper-per-model';
  const report = { layout, rowsRead: rows.length, recordsMade: records.length, warnings };
  return { records, items: [...state.items.values()], report };
}
