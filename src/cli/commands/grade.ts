/**
 * `grade FILE [--mode paper|strict] [--no-twins] [--json]`: rule-grades a long CSV/JSONL table of
 * model outputs and, where the table carries reference labels (`evaluation`), reports agreement.
 *
 * Owns: argument handling and printing only; grading and statistics live in src/core/grading.
 * Default mode is `strict` (refusals kept as their own outcome). Rows without answer columns
 * borrow them from a row with the same `item_id` and dataset unless `--no-twins` is given; the
 * count is reported. Exit codes follow main.ts.
 */
import {
  fillFromTwins,
  GRADING_MODES,
  OutputTableError,
  readOutputTable,
} from '../../core/grading';
import type { GradingMode } from '../../core/grading';
import type { TableSummary } from '../../core/grading/gradeTable';
import { gradeRows, summariseGrades } from '../../core/grading/gradeTable';
import { assertKnownFlags, getFlag, InputError, parseArgs, UsageError } from '../args';
import type { CliIo } from '../io';

function percent(value: number | null): string {
  return value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`;
}

function fixed(value: number | null): string {
  return value === null ? 'n/a' : value.toFixed(3);
}

/** Human-readable summary table. */
export function formatSummary(file: string, s: TableSummary): string {
  const o = s.outcomes;
  const lines = [
    `${file}: ${s.n} rows, ${s.graded} graded, ${s.notGraded} not graded (no answer columns)` +
      (s.dropped > 0 ? `, ${s.dropped} dropped as refusals (paper mode)` : ''),
    `answers borrowed from a row with the same item_id: ${s.filledFromTwins}`,
    `mode: ${s.mode}`,
    '',
    `outcomes   correct ${o.correct}   incorrect ${o.incorrect}   refusal ${o.refusal}   unparseable ${o.unparseable}`,
    '',
    'agreement with the evaluation column (correct vs not-correct)',
    `${'dataset'.padEnd(14)}${'n'.padStart(6)}${'agree'.padStart(10)}${'kappa'.padStart(9)}`,
  ];
  for (const [name, d] of Object.entries(s.byDataset)) {
    lines.push(
      `${name.padEnd(14)}${String(d.n).padStart(6)}${percent(d.accuracy).padStart(10)}${fixed(d.kappa).padStart(9)}`,
    );
  }
  const a = s.agreement;
  lines.push(
    `${'all'.padEnd(14)}${String(a.n).padStart(6)}${percent(a.accuracy).padStart(10)}${fixed(a.kappa).padStart(9)}`,
  );
  if (a.kappaNote) lines.push(`note: ${a.kappaNote}`);
  return lines.join('\n');
}

/** JSON shape promised by the brief: counts, agreement and per-dataset agreement. */
function toJson(s: TableSummary): string {
  const { kappaNote: _note, ...agreement } = s.agreement;
  return JSON.stringify(
    {
      n: s.n,
      graded: s.graded,
      filledFromTwins: s.filledFromTwins,
      notGraded: s.notGraded,
      dropped: s.dropped,
      mode: s.mode,
      outcomes: s.outcomes,
      agreement,
      byDataset: s.byDataset,
    },
    null,
    2,
  );
}

export async function run(argv: string[], io: CliIo): Promise<void> {
  const args = parseArgs(argv, ['json', 'no-twins']);
  assertKnownFlags(args, ['mode', 'json', 'no-twins']);
  const [file, ...extra] = args.positional;
  if (!file) throw new UsageError('grade needs a FILE (CSV or JSONL of model outputs)');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const mode = (getFlag(args, 'mode', GRADING_MODES) ?? 'strict') as GradingMode;
  const text = await io.readText(file);
  let rows;
  try {
    rows = readOutputTable(text, file);
  } catch (error) {
    if (error instanceof OutputTableError) throw new InputError(error.message);
    throw error;
  }
  if (!args.flags.has('no-twins')) rows = fillFromTwins(rows).rows;
  const summary = summariseGrades(gradeRows(rows, mode), mode);
  io.stdout(args.flags.has('json') ? toJson(summary) : formatSummary(file, summary));
}
