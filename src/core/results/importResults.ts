/**
 * Imports result files into one data set: Warmth Lab JSON bundles, Warmth Lab long CSV, the
 * paper authors' per-model (or long) layout, and ready-to-analyse long outputs tables.
 *
 * Owns: recognising each file's layout and pooling record files. Invariants: all-or-nothing —
 * the first unreadable file throws an Error naming the file (and line or field) and nothing is
 * returned; every record file becomes one or more bundles (one per device label found in it),
 * pooled with `poolBundles` in the order given, so a repeated answer keeps the earlier file's
 * copy and is reported; a ready-to-analyse table cannot be pooled with other files, because it
 * holds no records to deduplicate or re-export.
 */
import { CsvParser } from '../csv';
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  LONG_REQUIRED_COLUMNS,
  fromLongCsv,
  fromPaperLayout,
  parseBundle,
  poolBundles,
} from './index';
import type { ResultsBundle } from './index';
import { REQUIRED_COLUMNS } from '../stats/analysisRows';
import type { GradingConvention, Item, ResponseRecord } from '../types';
import type { ImportedData, ProgressSink, SourceReport } from '../stats/analysisData';
import { readResultsTable } from '../stats/readResultsTable';

/** A file's text with the path used in messages. */
export interface TextFile {
  path: string;
  text: string;
}

/** Device label of records imported from files that do not name one. */
export const IMPORTED_DEVICE = 'imported file';

type Layout = 'bundle' | 'warmth-lab-long' | 'analysis-table' | 'paper' | 'unknown';

const EXPECTED_LAYOUTS =
  'expected a Warmth Lab results bundle (.json), a Warmth Lab long CSV, a long outputs table ' +
  '(model, dataset, variant, item_id, amendment_type, prompt_type, output, evaluation) or the ' +
  "paper authors' <dataset>_<variant>_outputs.csv files";

/** The header row of a CSV text (reads only the first 64 kB). */
function headerOf(text: string): string[] {
  const first = new CsvParser().push(text.slice(0, 65536))[0];
  return (first?.fields ?? []).map((field) => field.trim().toLowerCase());
}

/** Which reader a file needs, from its name and first bytes. */
export function detectLayout(file: TextFile): Layout {
  if (/\.json$/i.test(file.path) || file.text.trimStart().startsWith('{')) return 'bundle';
  const header = headerOf(file.text);
  if (LONG_REQUIRED_COLUMNS.every((column) => header.includes(column))) return 'warmth-lab-long';
  if (REQUIRED_COLUMNS.every((column) => header.includes(column))) return 'analysis-table';
  return header.includes('output') && header.includes('evaluation') ? 'paper' : 'unknown';
}

interface RecordSource {
  path: string;
  layout: string;
  device: string;
  records: ResponseRecord[];
  items: Item[];
  warnings: string[];
  rows: number;
  bundle?: ResultsBundle;
}

/** A bundle around records that came from a CSV file (pooling works on bundles). */
function wrapAsBundle(source: RecordSource): ResultsBundle {
  const now = new Date().toISOString();
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    appVersion: '',
    exportedAt: now,
    device: { label: source.device },
    run: {
      id: source.records[0]?.runId ?? `import:${source.path}`,
      name: source.path,
      status: 'done',
      planSize: source.records.length,
      createdAt: now,
      updatedAt: now,
    },
    arms: [],
    items: source.items,
    records: source.records,
  };
}

/** Long-CSV records grouped by their `device` column (blank → the imported-file label). */
function splitByDevice(path: string, text: string): RecordSource[] {
  const { records, report } = fromLongCsv(text, path);
  const groups = new Map<string, ResponseRecord[]>();
  for (const { device, ...record } of records) {
    const label = device ?? IMPORTED_DEVICE;
    const group = groups.get(label);
    if (group) group.push(record);
    else groups.set(label, [record]);
  }
  if (groups.size === 0) groups.set(IMPORTED_DEVICE, []);
  return [...groups].map(([device, group], index) => ({
    path,
    layout: report.layout,
    device,
    records: group,
    items: [],
    warnings: index === 0 ? report.warnings : [],
    rows: group.length,
  }));
}

function readRecordFile(file: TextFile, layout: Layout): RecordSource[] {
  if (layout === 'bundle') {
    const bundle = parseBundle(file.text, file.path);
    const device = bundle.device.label;
    const rows = bundle.records.length;
    const base = { path: file.path, layout: BUNDLE_FORMAT, device, warnings: [], rows };
    return [{ ...base, records: bundle.records, items: bundle.items, bundle }];
  }
  if (layout === 'warmth-lab-long') return splitByDevice(file.path, file.text);
  if (layout === 'unknown') {
    const header = headerOf(file.text);
    const found =
      header.length === 0 ? 'an empty file' : `columns ${header.slice(0, 8).join(', ')}`;
    throw new Error(
      `${file.path}: line 1: unknown results layout (found ${found}); ${EXPECTED_LAYOUTS}`,
    );
  }
  const { records, items, report } = fromPaperLayout(file.text, file.path);
  const { layout: paperLayout, warnings, rowsRead } = report;
  const base = { path: file.path, device: IMPORTED_DEVICE, warnings, rows: rowsRead };
  return [{ ...base, layout: paperLayout, records, items }];
}

function importRecordFiles(files: readonly TextFile[], progress: ProgressSink): ImportedData {
  const sources: RecordSource[] = [];
  files.forEach((file, index) => {
    progress(`Reading ${file.path}`, index, files.length);
    sources.push(...readRecordFile(file, detectLayout(file)));
  });
  const pooled = poolBundles(sources.map((source) => source.bundle ?? wrapAsBundle(source)));
  const reports: SourceReport[] = sources.map((source, index) => ({
    bundle: index + 1,
    file: source.path,
    device: source.device,
    layout: source.layout,
    rows: source.rows,
    warnings: source.warnings,
  }));
  return { kind: 'records', pooled, sources: reports };
}

/**
 * Reads and pools the given files. Throws an Error naming the file (and line or field) of the
 * first problem; nothing is returned then.
 */
export function importFiles(
  files: readonly TextFile[],
  progress: ProgressSink,
  convention: GradingConvention = 'correct',
): ImportedData {
  if (files.length === 0) throw new Error('Choose at least one results file to import.');
  const tables = files.filter((file) => detectLayout(file) === 'analysis-table');
  const table = tables[0];
  if (table && files.length > 1) {
    throw new Error(
      `${table.path}: a ready-to-analyse long table (model, dataset, variant, item_id, amendment_type, prompt_type, output, evaluation) holds no records to pool; import it on its own`,
    );
  }
  if (table) return readResultsTable(table.text, table.path, progress, convention);
  return importRecordFiles(files, progress);
}
