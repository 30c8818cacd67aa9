/**
 * The shapes of imported results and of a finished analysis, shared by the core readers, the
 * analysis worker (src/workers) and the Results view.
 *
 * Owns: data types only. Invariants: every shape is structured-cloneable (typed arrays, plain
 * objects), so it can cross the worker boundary as is.
 */
import type { PooledResults } from '../results';
import type { GradingConvention, Item } from '../types';
import type { AnalysisReport } from './analysis';
import type { AnalysisTable } from './analysisRows';
import type { ResultsSummary } from './summary';

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
  /** The convention those rule grades were made under. */
  convention?: GradingConvention;
}

export type ImportedData = RecordData | TableData;

/** What the worker analyses: a table as imported, or records it first turns into one. */
export type AnalysisInput =
  | {
      kind: 'table';
      table: AnalysisTable;
      notes?: ExclusionNote[];
      ruleGraded?: number;
      convention?: GradingConvention;
    }
  | {
      kind: 'records';
      records: PooledResults['records'];
      items: Item[];
      isDeviceFactor: boolean;
      /** Counts each record's grade under this convention (core/grading `recordsUnder`). */
      convention?: GradingConvention;
    };

export interface AnalysisOutcome {
  report: AnalysisReport;
  /** Headline, flip rates, grading band and paper comparison over the report's pairs. */
  summary?: ResultsSummary;
  /** Answers left out while reading the file or turning records into analysis rows. */
  notes: ExclusionNote[];
  /** Rows or records graded by the rule graders because they came without a verdict. */
  ruleGraded: number;
  /** The grading convention the verdicts were counted under. */
  convention?: GradingConvention;
  elapsedMs: number;
}

/** Reports progress of the current request: `done` of `total` units in `stage`. */
export type ProgressSink = (stage: string, done: number, total: number) => void;
