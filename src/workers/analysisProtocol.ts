/**
 * Messages between the Results view and its analysis worker (src/workers/analysis.worker.ts).
 *
 * Owns: the discriminated unions `AnalysisRequest` (`import`, `analyse`) and `AnalysisEvent`
 * (`progress`, `imported`, `analysed`, `error`). Invariants: every message carries `type` and
 * the request `id`; every payload is structured-cloneable (typed arrays, plain objects, File);
 * errors cross as `{ name, message }`. The data shapes themselves live in
 * core/stats/analysisData.ts and are re-exported here for the view's convenience.
 */
import type { AnalysisInput, AnalysisOutcome, ImportedData } from '../core/stats/analysisData';
import type { GradingConvention } from '../core/types';
import type { AnalysisMode } from '../core/stats/outcomes';

export type {
  AnalysisInput,
  AnalysisOutcome,
  ExclusionNote,
  ImportedData,
  ProgressSink,
  RecordData,
  SourceReport,
  TableData,
} from '../core/stats/analysisData';

/** A file to import, with the path used in messages (folder-relative when a folder was picked). */
export interface ImportFileInput {
  file: Blob;
  path: string;
}

export type AnalysisRequest =
  | {
      type: 'import';
      id: number;
      files: ImportFileInput[];
      /** Rule-grades rows without an evaluation under this convention (default `correct`). */
      convention?: GradingConvention;
    }
  | { type: 'analyse'; id: number; input: AnalysisInput; mode: AnalysisMode };

export type AnalysisEvent =
  | { type: 'progress'; id: number; stage: string; done: number; total: number }
  | { type: 'imported'; id: number; data: ImportedData }
  | { type: 'analysed'; id: number; outcome: AnalysisOutcome }
  | { type: 'error'; id: number; error: { name: string; message: string } };
