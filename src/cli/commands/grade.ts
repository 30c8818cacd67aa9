/**
 * `grade FILE [--questions QFILE] [--convention correct|truthful] [--mode strict|paper]
 * [--no-twins] [--json]`: rule-grades a long CSV/JSONL table of model outputs and, where the table
 * carries reference labels (`evaluation`), reports agreement.
 *
 * Owns: argument handling and printing only; grading and statistics live in src/core/grading.
 * Defaults: mode `strict` (refusals kept as their own outcome), convention `correct` (the paper's
 * judge). With `--questions` (a question file any importer reads, or `bank` for the built-in
 * bank) each row is graded against its question's full answer lists, joined by `item_id` or
 * question text; answer columns become optional and unmatched rows are listed by line. Without
 * it, rows lacking answer columns borrow them from a row with the same `item_id` and dataset
 * unless `--no-twins` is given. Exit codes follow main.ts; text printed to the terminal has its
 * control characters removed.
 */
import {
  fillFromTwins,
  GRADING_MODES,
  OutputTableError,
  readOutputTable,
} from '../../core/grading';
import type { GradingMode, OutputRow } from '../../core/grading';
import type { TableSummary } from '../../core/grading/gradeTable';
import { gradeRows, summariseGrades } from '../../core/grading/gradeTable';
import type { UnmatchedRow } from '../../core/grading/questionJoin';
import { indexQuestions, joinQuestions } from '../../core/grading/questionJoin';
import { detectFormat, DETECT_HEAD_CHARS, ImportError, importText } from '../../core/questions';
import { BUILT_IN_ITEMS } from '../../core/questions/bank';
import { GRADING_CONVENTIONS } from '../../core/types';
import type { GradingConvention, Item } from '../../core/types';
import { assertKnownFlags, getFlag, InputError, parseArgs, UsageError } from '../args';
import type { CliIo } from '../io';

/** The `--questions` value that names the built-in bank instead of a file. */
export const BANK_QUESTIONS = 'bank';

const MAX_UNMATCHED_SHOWN = 20;

interface GradeReport {
  summary: TableSummary;
  /** Null without `--questions`. */
  unmatched: UnmatchedRow[] | null;
}

function percent(value: number | null): string {
  return value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`;
}

function fixed(value: number | null): string {
  return value === null ? 'n/a' : value.toFixed(3);
}

/** Removes terminal control characters (escape sequences included) from untrusted text. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

function agreementLine(
  name: string,
  d: { n: number; accuracy: number | null; kappa: number | null },
): string {
  return `${name.padEnd(14)}${String(d.n).padStart(6)}${percent(d.accuracy).padStart(10)}${fixed(d.kappa).padStart(9)}`;
}

/** Human-readable summary table. */
export function formatSummary(file: string, s: TableSummary): string {
  const o = s.outcomes;
  const lines = [
    `${printable(file)}: ${s.n} rows, ${s.graded} graded, ${s.notGraded} not graded (no answers)` +
      (s.dropped > 0 ? `, ${s.dropped} dropped as refusals (paper mode)` : ''),
    `answers borrowed from a row with the same item_id: ${s.filledFromTwins}`,
    `mode: ${s.mode}   convention: ${s.convention}`,
    '',
    `outcomes   correct ${o.correct}   incorrect ${o.incorrect}   refusal ${o.refusal}   unparseable ${o.unparseable}`,
    '',
    'agreement with the evaluation column (correct vs not-correct)',
    `${'dataset'.padEnd(14)}${'n'.padStart(6)}${'agree'.padStart(10)}${'kappa'.padStart(9)}`,
  ];
  for (const [name, d] of Object.entries(s.byDataset))
    lines.push(agreementLine(printable(name), d));
  lines.push(agreementLine('all', s.agreement));
  for (const [name, d] of Object.entries(s.byVariant))
    lines.push(agreementLine(`arm ${printable(name)}`, d));
  lines.push(agreementLine('sure only', s.committed));
  lines.push(`sure verdicts: ${percent(s.committed.coverage)} of graded rows`);
  if (s.agreement.kappaNote) lines.push(`note: ${s.agreement.kappaNote}`);
  return lines.join('\n');
}

function formatUnmatched(unmatched: readonly UnmatchedRow[]): string {
  const lines = [
    `rows matching no question: ${unmatched.length}` +
      (unmatched.length > 0 ? ' (graded with their own answer columns, if any)' : ''),
  ];
  for (const { line, question } of unmatched.slice(0, MAX_UNMATCHED_SHOWN)) {
    lines.push(`  line ${line}: ${printable(question).slice(0, 100)}`);
  }
  if (unmatched.length > MAX_UNMATCHED_SHOWN)
    lines.push(`  … and ${unmatched.length - MAX_UNMATCHED_SHOWN} more (see --json)`);
  return lines.join('\n');
}

/** JSON shape of issue 11: counts, agreement overall, per dataset, per arm and when sure. */
function toJson({ summary: s, unmatched }: GradeReport): string {
  const { kappaNote: _note, ...agreement } = s.agreement;
  return JSON.stringify(
    {
      n: s.n,
      graded: s.graded,
      filledFromTwins: s.filledFromTwins,
      notGraded: s.notGraded,
      dropped: s.dropped,
      mode: s.mode,
      convention: s.convention,
      outcomes: s.outcomes,
      agreement,
      byDataset: s.byDataset,
      byVariant: s.byVariant,
      committed: s.committed,
      unmatched: unmatched ?? [],
    },
    null,
    2,
  );
}

/** Reads the question file (any format `inspect` detects) or the built-in bank. */
async function readQuestions(file: string, io: CliIo): Promise<readonly Item[]> {
  if (file === BANK_QUESTIONS) return BUILT_IN_ITEMS;
  const text = await io.readText(file);
  try {
    const format = detectFormat(file, text.slice(0, DETECT_HEAD_CHARS));
    return (await importText(format, text, { fileName: file })).items;
  } catch (error) {
    if (error instanceof ImportError) throw new InputError(error.message);
    throw error;
  }
}

function readRows(text: string, file: string, isAnswerOptional: boolean): OutputRow[] {
  try {
    return readOutputTable(text, file, { isAnswerOptional });
  } catch (error) {
    if (error instanceof OutputTableError) throw new InputError(error.message);
    throw error;
  }
}

export async function run(argv: string[], io: CliIo): Promise<void> {
  const args = parseArgs(argv, ['json', 'no-twins']);
  assertKnownFlags(args, ['mode', 'json', 'no-twins', 'questions', 'convention']);
  const [file, ...extra] = args.positional;
  if (!file) throw new UsageError('grade needs a FILE (CSV or JSONL of model outputs)');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const mode = (getFlag(args, 'mode', GRADING_MODES) ?? 'strict') as GradingMode;
  const convention = (getFlag(args, 'convention', GRADING_CONVENTIONS) ??
    'correct') as GradingConvention;
  const questionsFile = getFlag(args, 'questions');
  let rows = readRows(await io.readText(file), file, questionsFile !== undefined);
  let unmatched: UnmatchedRow[] | null = null;
  if (questionsFile !== undefined) {
    const joined = joinQuestions(rows, indexQuestions(await readQuestions(questionsFile, io)));
    rows = joined.rows;
    unmatched = joined.unmatched;
  }
  if (!args.flags.has('no-twins')) rows = fillFromTwins(rows).rows;
  const summary = summariseGrades(gradeRows(rows, mode, convention), mode, convention);
  const report = { summary, unmatched };
  if (args.flags.has('json')) io.stdout(toJson(report));
  else
    io.stdout(
      [formatSummary(file, summary), ...(unmatched ? [formatUnmatched(unmatched)] : [])].join(
        '\n\n',
      ),
    );
}
