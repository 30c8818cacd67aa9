/**
 * The input layer of the analysis: a long results table (one row per model response) held in
 * compact columnar form — typed arrays of level codes plus level dictionaries — so that a
 * paper-scale table of ~440,000 rows costs a few megabytes and every pass is a tight loop.
 *
 * Owns: parsing the long CSV layout `model, dataset, variant, item_id, amendment_type,
 * prompt_type, output, evaluation[, sample]` (extra columns ignored) and validating each row.
 * Invariants: after `finish()`, each level dictionary is sorted (code order = sort order, so the
 * first model is the reference level); every bad row raises an AnalysisInputError naming its line.
 */
import type { CsvRecord } from '../csv';
import { CsvParser } from '../csv';
import { CsvRowReader } from './csvRowReader';
import type { RowSink } from './csvRowReader';
import { AnalysisInputError, validateRow } from './rowValidation';
import type { SkippedAnalysisRow } from './rowValidation';
import { LEVEL_LIMITS, LevelDictionary, allocateColumns } from './tableColumns';
import type { LevelKey } from './tableColumns';

export { AnalysisInputError } from './rowValidation';

export { REQUIRED_COLUMNS } from './csvRowReader';

/** Sorted level dictionaries; a row's code indexes into these. */
export interface TableLevels {
  model: string[];
  dataset: string[];
  item: string[];
  amendment: string[];
  prompt: string[];
}

/** A results table in columnar form. Every array has `size` meaningful entries. */
export interface AnalysisTable {
  size: number;
  levels: TableLevels;
  model: Uint16Array;
  dataset: Uint8Array;
  item: Uint32Array;
  amendment: Uint16Array;
  prompt: Uint8Array;
  /** Repeated-sampling index (0 when the table has no `sample` column). */
  sample: Uint16Array;
  isWarm: Uint8Array;
  /** The grader's verdict (`evaluation` column): 1 correct, 0 incorrect. */
  isCorrect: Uint8Array;
  /** The paper's refusal detector fired on the output (or evaluation was REFUSAL). */
  isRefusal: Uint8Array;
  /** Source line of each row, for messages about unpaired or duplicate rows. */
  line: Uint32Array;
  /** Rows left out because they carry no base/warm verdict (ungraded, unparseable, cold arm…). */
  skipped: SkippedAnalysisRow[];
}

/** One row in plain form, for builders that do not start from CSV (tests, the bench). */
export interface PlainRow {
  model: string;
  dataset: string;
  isWarm: boolean;
  itemId: string;
  amendmentType: string;
  promptType: string;
  isCorrect: boolean;
  isRefusal: boolean;
  sample?: number;
  line?: number;
}

/** Collects rows one at a time (constant work per row) and produces an AnalysisTable. */
export class AnalysisTableBuilder {
  #size = 0;
  #capacity = 0;
  #columns = allocateColumns(1024);
  readonly #levels: Record<LevelKey, LevelDictionary> = {
    model: new LevelDictionary(),
    dataset: new LevelDictionary(),
    item: new LevelDictionary(),
    amendment: new LevelDictionary(),
    prompt: new LevelDictionary(),
  };
  readonly #skipped: SkippedAnalysisRow[] = [];
  readonly #records: CsvRowReader;

  constructor() {
    this.#capacity = this.#columns.line.length;
    const sink: RowSink = {
      addKnownRow: (row) => this.#addKnownRow(row),
      addRow: (row) => this.addRow(row),
      skip: (line, reason) => void this.#skipped.push({ line, reason }),
    };
    this.#records = new CsvRowReader(sink);
  }

  /** Reads the header record of a long CSV; throws naming any missing column. */
  addHeader(record: CsvRecord): void {
    this.#records.readHeader(record);
  }

  /** Adds one CSV data record (after `addHeader`); the record is not kept. */
  addRecord(record: CsvRecord): void {
    this.#records.readRecord(record);
  }

  /**
   * Adds a row whose five level values have all been seen before — so they passed validateRow
   * with an earlier row, since each check there reads one value — without validating again.
   * Returns false (adding nothing) when a value is new; the caller then takes `addRow`.
   */
  #addKnownRow(row: PlainRow): boolean {
    const levels = this.#levels;
    const model = levels.model.find(row.model);
    const dataset = levels.dataset.find(row.dataset);
    const item = levels.item.find(row.itemId);
    const amendment = levels.amendment.find(row.amendmentType);
    const prompt = levels.prompt.find(row.promptType);
    if (
      model === undefined ||
      dataset === undefined ||
      item === undefined ||
      amendment === undefined ||
      prompt === undefined
    ) {
      return false;
    }
    this.#put(row, model, dataset, item, amendment, prompt);
    return true;
  }

  /** Adds one validated row. */
  addRow(row: PlainRow): void {
    const line = row.line ?? this.#size + 2;
    validateRow(row, line);
    // #put numbers a row without `line` as addRow does (size + 2), so `row` goes in as it is.
    this.#put(
      row,
      this.#code('model', row.model, line),
      this.#code('dataset', row.dataset, line),
      this.#code('item', row.itemId, line),
      this.#code('amendment', row.amendmentType, line),
      this.#code('prompt', row.promptType, line),
    );
  }

  /** Stores a row whose level codes are known. */
  #put(
    row: PlainRow,
    model: number,
    dataset: number,
    item: number,
    amendment: number,
    prompt: number,
  ): void {
    if (this.#size === this.#capacity) this.#grow();
    const i = this.#size++;
    const c = this.#columns;
    c.model[i] = model;
    c.dataset[i] = dataset;
    c.item[i] = item;
    c.amendment[i] = amendment;
    c.prompt[i] = prompt;
    c.sample[i] = row.sample ?? 0;
    c.isWarm[i] = row.isWarm ? 1 : 0;
    c.isCorrect[i] = row.isCorrect ? 1 : 0;
    c.isRefusal[i] = row.isRefusal ? 1 : 0;
    c.line[i] = row.line ?? i + 2;
  }

  /** Returns the table with every level dictionary sorted and codes renumbered to match. */
  finish(): AnalysisTable {
    const size = this.#size;
    const c = this.#columns;
    const levels = {} as TableLevels;
    for (const key of Object.keys(this.#levels) as LevelKey[]) {
      const unsorted = this.#levels[key].values;
      const sorted = [...unsorted].sort();
      levels[key] = sorted;
      const rank = new Map(sorted.map((value, code) => [value, code]));
      const remap = unsorted.map((value) => rank.get(value) as number);
      remapCodes(c[key], Int32Array.from(remap), size);
    }
    return {
      size,
      skipped: this.#skipped,
      levels,
      model: c.model.slice(0, size),
      dataset: c.dataset.slice(0, size),
      item: c.item.slice(0, size),
      amendment: c.amendment.slice(0, size),
      prompt: c.prompt.slice(0, size),
      sample: c.sample.slice(0, size),
      isWarm: c.isWarm.slice(0, size),
      isCorrect: c.isCorrect.slice(0, size),
      isRefusal: c.isRefusal.slice(0, size),
      line: c.line.slice(0, size),
    };
  }

  #code(key: LevelKey, value: string, line: number): number {
    const code = this.#levels[key].codeOf(value);
    if (code > LEVEL_LIMITS[key]) {
      throw new AnalysisInputError(
        `too many distinct ${key} values (limit ${LEVEL_LIMITS[key]})`,
        line,
      );
    }
    return code;
  }

  #grow(): void {
    const next = allocateColumns(this.#capacity * 2);
    for (const key of Object.keys(next) as (keyof typeof next)[]) {
      (next[key] as Uint32Array).set(this.#columns[key] as Uint32Array);
    }
    this.#columns = next;
    this.#capacity *= 2;
  }
}

/** Renumbers the first `size` codes through `remap` (first-seen code → sorted code). */
function remapCodes(
  codes: Uint8Array | Uint16Array | Uint32Array,
  remap: Int32Array,
  size: number,
) {
  for (let i = 0; i < size; i++) codes[i] = remap[codes[i] as number] as number;
}

/** Feeds CSV records (header first) into a builder, chunk by chunk (see CsvParser). */
export function addCsvRecords(
  builder: AnalysisTableBuilder,
  records: CsvRecord[],
  hasHeader: boolean,
): boolean {
  let isHeaderRead = hasHeader;
  for (const record of records) {
    if (isHeaderRead) builder.addRecord(record);
    else {
      builder.addHeader(record);
      isHeaderRead = true;
    }
  }
  return isHeaderRead;
}

/** Parses a whole long-layout CSV text into an AnalysisTable. */
export function parseAnalysisCsv(text: string): AnalysisTable {
  const parser = new CsvParser();
  const builder = new AnalysisTableBuilder();
  const hasHeader = addCsvRecords(builder, parser.push(text), false);
  if (!addCsvRecords(builder, parser.end(), hasHeader)) {
    throw new AnalysisInputError('empty file: expected a header row', 1);
  }
  return builder.finish();
}
