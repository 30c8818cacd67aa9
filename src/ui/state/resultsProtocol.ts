/**
 * Messages between the results view and its analysis worker, and the data they carry.
 *
 * Owns: the discriminated unions `AnalysisRequest` (`import`, `analyse`) and `AnalysisEvent`
 * (`progress`, `imported`, `analysed`, `error`), plus the imported-data shapes. Invariants:
 * every message carries `type` and the request `id`; every payload is structured-cloneable
 * (typed arrays, plain objects, File); errors cross as `{ name, message }`.
 */
import type { PooledResults } from '../../core/results';
import type { AnalysisReport } from '../../core/stats/analysis';
import type { AnalysisTable } from '../../core/stats/analysisRows';
import type { AnalysisMode } from '../../core/stats/outcomes';
import type { ResultsSummary } from '../../core/stats/summary';
import type { Item } from '../../core/types';

/** A file to import, with the path used in messages (folder-relative when a folder was picked). */
export interface ImportFileInput {
  file: Blob;
  path: string;
}

/** Why some answers are not in the analysis, and how many. */
export interface ExclusionNote {
  reason: string;
  count: number;
}

/** One source of a pooled data set, numbered like the pooling messages ("bundle 2"). */
export interface SourceReport {
  /** 1-based, matches "bundle N" in duplicate messages. */
  bundle: number;
  file: string;
  device: string;
  /** e.g. `warmth-lab/results`, `warmth-lab-long`, `paper-per-model`, `analysis-table`. */
  layout: string;
  rows: number;
  warnings: string[];
}

/** Imported answers as records (bundles, long CSV, paper layout): exportable and re-tabulated. */
export interface RecordData {
  kind: 'records';
  pooled: PooledResults;
  sources: SourceReport[];
}

/** A ready-to-analyse long table (e.g. synthetic-long.csv): analysed as is, not exportable. */
export interface TableData {
  kind: 'table';
  table: AnalysisTable;
  sources: SourceReport[];
  notes: ExclusionNote[];
  /** Rows whose empty `evaluation` was filled in by the rule graders. */
  ruleGraded: number;
}

export type ImportedData = RecordData | TableData;

/** What the worker analyses: a table as imported, or records it first turns into one. */
export type AnalysisInput =
  | { kind: 'table'; table: AnalysisTable }
  | { kind: 'records'; records: PooledResults['records']; items: Item[]; isDeviceFactor: boolean };

export interface AnalysisOutcome {
  report: AnalysisReport;
  /** Headline, flip rates, grading band and paper comparison over the report's pairs. */
  summary?: ResultsSummary;
  /** Answers left out while turning records into analysis rows (empty for tables). */
  notes: ExclusionNote[];
  ruleGraded: number;
  elapsedMs: number;
}

export type AnalysisRequest =
  | { type: 'import'; id: number; files: ImportFileInput[] }
  | { type: 'analyse'; id: number; input: AnalysisInput; mode: AnalysisMode };

export type AnalysisEvent =
  | { type: 'progress'; id: number; stage: string; done: number; total: number }
  | { type: 'imported'; id: number; data: ImportedData }
  | { type: 'analysed'; id: number; outcome: AnalysisOutcome }
  | { type: 'error'; id: number; error: { name: string; message: string } };

/** Reports progress of the current request: `done` of `total` units in `stage`. */
export type ProgressSink = (stage: string, done: number, total: number) => void;
