/**
 * The files the results view exports: the analysis JSON (the CLI's `analyze --json` shape),
 * the answers as Warmth Lab long CSV, as JSON bundles and in the paper authors' layout.
 *
 * Owns: file names, MIME types and the summary line of each export. Invariants: every CSV
 * goes through core's formula-safe writers; bundles come from `createBundle`, so they hold no
 * API keys; nothing here touches the DOM (the view turns an ExportFile into a download).
 */
import type { PooledResults, ResultsBundle } from './index';
import { serializeBundle, toLongCsv, toPaperLayout } from './index';
import type { AnalysisOutcome } from '../stats/analysisData';
import { stringifyAnalysisJson } from '../stats/analysisJson';
import { createZip } from './zip';
import { recordsUnder } from '../grading/gradeUnder';
import type { GradingConvention } from '../types';

export interface ExportFile {
  fileName: string;
  type: string;
  data: string | Uint8Array<ArrayBuffer>;
  /** What was written, for the status line. */
  summary: string;
}

const CSV = 'text/csv;charset=utf-8';
const JSON_TYPE = 'application/json';

/** The analysis exactly as `warmth-lab analyze --json` prints it (with `ruleGraded`, `leftOut`). */
export function exportAnalysisJson(outcome: AnalysisOutcome): ExportFile {
  const { report } = outcome;
  return {
    fileName: `warmth-lab-analysis-${report.mode}.json`,
    type: JSON_TYPE,
    data: stringifyAnalysisJson(report, outcome),
    summary: `Analysis (${report.mode} mode) saved as JSON.`,
  };
}

/**
 * All answers of the data set as one long CSV (one row per answer, with its device), with the
 * grades that count under `convention` when given (its `convention` column names it).
 */
export function exportLongCsv(
  pooled: PooledResults,
  appVersion: string,
  convention?: GradingConvention,
): ExportFile {
  const text = toLongCsv(pooled.records, {
    items: new Map(pooled.items.map((item) => [item.id, item])),
    arms: pooled.arms,
    appVersion,
    labels: pooled.labels,
    convention,
  });
  return {
    fileName: 'warmth-lab-results-long.csv',
    type: CSV,
    data: text,
    summary: `${pooled.records.length} answers saved as long CSV.`,
  };
}

/**
 * One JSON bundle per run (for another device to pool): a single .json file, or a ZIP of them
 * when several runs are open (browsers block bursts of downloads).
 */
export function exportBundles(
  bundles: readonly ResultsBundle[],
  at: Date = new Date(),
): ExportFile | null {
  const files = bundles.map((bundle) => ({
    path: `warmth-lab-bundle-${bundle.run.name}-${bundle.run.id}.json`.replace(
      /[^A-Za-z0-9._-]+/g,
      '-',
    ),
    text: serializeBundle(bundle),
  }));
  const answers = bundles.reduce((sum, bundle) => sum + bundle.records.length, 0);
  const summary = `${bundles.length} run(s) saved as JSON bundles (${answers} answers, no API keys).`;
  const [only] = files;
  if (!only) return null;
  if (files.length === 1) return { fileName: only.path, type: JSON_TYPE, data: only.text, summary };
  return {
    fileName: 'warmth-lab-bundles.zip',
    type: 'application/zip',
    data: createZip(files, at),
    summary,
  };
}

/**
 * The paper authors' per-model CSV files and model_configs.py, zipped as one folder; the
 * evaluations are the grades that count under `convention` when given.
 */
export function exportPaperLayout(
  pooled: PooledResults,
  at: Date = new Date(),
  convention?: GradingConvention,
): ExportFile {
  const records = convention
    ? recordsUnder(pooled.records, pooled.items, convention)
    : pooled.records;
  const layout = toPaperLayout(records, {
    items: new Map(pooled.items.map((item) => [item.id, item])),
  });
  const entries = [
    ...layout.files.map((file) => ({ path: file.path, text: file.text })),
    { path: layout.configs.path, text: layout.configs.text },
  ];
  const rows = layout.files.reduce((sum, file) => sum + file.rowCount, 0);
  const omitted = layout.omitted.map((entry) => `${entry.count} ${entry.reason}`).join(', ');
  const warnings =
    layout.warnings.length > 0
      ? ` ${layout.warnings.length} warning(s): ${layout.warnings[0]}`
      : '';
  return {
    fileName: 'warmth_lab_outputs.zip',
    type: 'application/zip',
    data: createZip(entries, at),
    summary:
      `${layout.files.length} per-model files (${rows} rows) and model_configs.py zipped.` +
      (omitted ? ` Left out: ${omitted}.` : '') +
      warnings,
  };
}
