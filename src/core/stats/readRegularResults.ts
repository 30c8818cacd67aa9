/**
 * The fast lane of `readResultsTable`: a regular long results CSV with every evaluation given,
 * scanned without papaparse (csvScan.ts) into the same table builder the general lane uses.
 *
 * Owns: when the fast lane declines. Invariant: it returns null — never an error — for anything
 * irregular, a blank evaluation (the general lane rule-grades those) or a bad row: the general
 * lane then reads the file again and owns every message, so both lanes fail alike.
 */
import type { CsvRecord } from '../csv';
import { scanRegularCsv } from '../csvScan';
import type { ProgressSink } from './analysisData';
import { AnalysisInputError, AnalysisTableBuilder } from './analysisRows';

/** Thrown inside the scan to hand the file to the general reader. */
const DECLINED = Symbol('declined');
/** Records between progress reports. */
const PROGRESS_RECORDS = 1 << 16;

export interface RegularRead {
  builder: AnalysisTableBuilder;
  /** The line after the last record (one more than the newlines of a text ending in one). */
  nextLine: number;
}

/** Reads a regular results text, or returns null for the general lane (see module header). */
export function readRegularResults(
  text: string,
  fileName: string,
  progress: ProgressSink = () => {},
): RegularRead | null {
  const builder = new AnalysisTableBuilder();
  const record: CsvRecord = { fields: [], line: 0 };
  let evaluationAt = -1;
  let count = 0;
  try {
    const nextLine = scanRegularCsv(text, (fields, line, at) => {
      record.fields = fields;
      record.line = line;
      if (evaluationAt < 0) {
        builder.addHeader(record);
        evaluationAt = fields.findIndex((name) => name.trim().toLowerCase() === 'evaluation');
        return;
      }
      if ((fields[evaluationAt] ?? '').trim() === '') throw DECLINED;
      builder.addRecord(record);
      if (++count % PROGRESS_RECORDS === 0) progress(`Reading ${fileName}`, at, text.length);
    });
    return nextLine !== null && evaluationAt >= 0 ? { builder, nextLine } : null;
  } catch (error) {
    if (error === DECLINED || error instanceof AnalysisInputError) return null;
    throw error;
  }
}
