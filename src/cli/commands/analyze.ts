/**
 * `analyze FILE [--mode paper|strict] [--convention correct|truthful] [--json]`: paired tests and GLMs on a long results table.
 *
 * Owns: turning core input errors into one-line InputErrors and printing either the analysis
 * JSON (one object on stdout, the same as the Results view's export) or a readable summary
 * that opens with the answer (headline, flip rates, grading band) in the Results view's words.
 * Invariant: the file is read by core/stats' `readResultsTable` and analysed by
 * `analyseInStages`, exactly as the Results view's worker does, so both give the same numbers
 * and row counts (blank evaluations are rule-graded under `--convention`, default `correct`,
 * and counted as `ruleGraded`; given evaluations are read as they are).
 */
import type { AnalysisReport, PresetResult } from '../../core/stats/analysis';
import type { AnalysisOutcome, TableData } from '../../core/stats/analysisData';
import { stringifyAnalysisJson } from '../../core/stats/analysisJson';
import { analyseInStages } from '../../core/stats/analyseResults';
import { FLIP_NOT_MEASURABLE } from '../../core/stats/flipRate';
import { headlineSentence } from '../../core/stats/headline';
import type { AnalysisMode } from '../../core/stats/outcomes';
import { ANALYSIS_MODES } from '../../core/stats/outcomes';
import {
  ResultsTableError,
  readResultsTable,
  tableDataOf,
} from '../../core/stats/readResultsTable';
import type { ResultsSummary } from '../../core/stats/summary';
import {
  armFlipPhrase,
  bandPhrase,
  effectPhrase,
  flipDifferencePhrase,
  flipLabel,
  lowConfidencePhrase,
} from '../../core/stats/summaryText';
import { InputError, UsageError, assertKnownFlags, getFlag, parseArgs } from '../args';
import type { CliIo } from '../io';
import type { GradingConvention } from '../../core/types';
import { GRADING_CONVENTIONS } from '../../core/types';

/**
 * Reads the file with the one core reader — in two threads when the io offers it and the file
 * is big (the same fast lane, joined) — reporting bad input as `FILE: line N: …`.
 */
async function readTable(
  path: string,
  io: CliIo,
  convention: GradingConvention,
): Promise<TableData> {
  try {
    const table = await io.readResultsInTwoThreads?.(path);
    if (table) return tableDataOf(table, path, { notes: new Map(), ruleGraded: 0 }, convention);
    return readResultsTable(await io.readText(path), path, () => {}, convention);
  } catch (error) {
    if (error instanceof ResultsTableError) throw new InputError(error.message);
    throw error;
  }
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function signed(value: number, digits = 2): string {
  return `${value >= 0 ? '+' : ''}${value.toFixed(digits)}`;
}

function formatErrorRates(report: AnalysisReport): string[] {
  const lines = ['Error rates (Wilson 95% interval):'];
  for (const row of report.error_rates) {
    const [low, high] = row.wilson95;
    lines.push(
      `  ${row.model.padEnd(16)} ${row.dataset.padEnd(14)} ${row.variant.padEnd(5)} ` +
        `${percent(row.error_rate).padStart(6)} [${percent(low)}, ${percent(high)}]  n=${row.n}`,
    );
  }
  return lines;
}

function formatPairedTests(report: AnalysisReport): string[] {
  const significant = report.mcnemar.filter((row) => row.p_fdr !== null && row.p_fdr < 0.05);
  const untested = report.mcnemar.filter((row) => row.p_value === null).length;
  const worse = significant.filter((row) => row.diff_pp < 0).length;
  const lines = [
    `Paired tests: ${report.pairs} base/warm pairs in ${report.mcnemar.length} cell(s); ` +
      `${significant.length} significant after Benjamini–Hochberg at 5% ` +
      `(warm less accurate in ${worse}, more accurate in ${significant.length - worse})` +
      (untested > 0 ? `; ${untested} cell(s) with no discordant pairs have no test.` : '.'),
  ];
  const { unpaired } = report;
  if (unpaired.count > 0) {
    const first = unpaired.examples[0];
    lines.push(
      `  ${unpaired.count} rows had no partner (base ${unpaired.base}, warm ${unpaired.warm})` +
        (first ? `; e.g. line ${first.line} (${first.variant} ${first.item_id}).` : '.'),
    );
  }
  return lines;
}

function formatGlm(result: PresetResult): string[] {
  if (!result.isEstimable) return [`${result.title}: not estimable — ${result.reason}`];
  const clusterSe = (se: number | null) => (se === null ? 'n/a' : se.toFixed(2));
  const lines = [
    `${result.title}`,
    `  ${result.formula}`,
    `  n=${result.n}, clusters=${result.clusters}, log-likelihood=${result.llf.toFixed(2)}`,
    `  warmth AME ${signed(result.ame.pp)} pp (SE ${result.ame.se_pp.toFixed(2)}, cluster SE ${clusterSe(result.ame.cluster_se_pp)})`,
  ];
  for (const [level, effect] of Object.entries(result.ameByGroup ?? {})) {
    lines.push(
      `    ${level.padEnd(26)} ${signed(effect.pp)} pp (cluster SE ${clusterSe(effect.cluster_se_pp)})`,
    );
  }
  return lines;
}

/**
 * The answer first, worded as the Results view words it: the overall headline sentence, the
 * same effect per prompt group and task family, one line per flip rate, the grading band.
 */
function formatAnswerFirst(summary: ResultsSummary): string[] {
  const { overall, byBelief, byFamily } = summary.headline;
  if (!overall) {
    return ['No base/warm pairs: the headline needs answers of both arms to the same prompt.'];
  }
  const lines = [headlineSentence(overall)];
  for (const row of [...byBelief, ...byFamily]) {
    lines.push(`  ${row.label}: ${effectPhrase(row.effect)}`);
  }
  const flips = summary.flips.filter((flip) => flip.cells > 0);
  if (flips.length === 0) lines.push(FLIP_NOT_MEASURABLE);
  for (const flip of flips) {
    lines.push(
      `Flip rate, ${flipLabel(flip)} (${flip.cells} cells): base ${armFlipPhrase(flip.base)} | ` +
        `warm ${armFlipPhrase(flip.warm)} | ${flipDifferencePhrase(flip)}`,
    );
  }
  if (summary.band) {
    lines.push(`${bandPhrase(summary.band)}. ${lowConfidencePhrase(summary.band)}.`);
  }
  return lines;
}

function formatSummary(path: string, outcome: AnalysisOutcome, data: TableData): string {
  const { report, summary } = outcome;
  const sections = [
    ...(summary ? [formatAnswerFirst(summary)] : []),
    [
      `Analysis of ${path} (mode: ${report.mode})`,
      `grading convention for rows without an evaluation: ${data.convention ?? 'correct'}`,
      `rows in ${report.rows_in} (${data.ruleGraded} rule-graded); refusals detected ` +
        `${report.refusals_detected}; rows analysed ${report.rows_analysed}`,
    ],
    formatErrorRates(report),
    formatPairedTests(report),
    ...Object.values(report.glm).map((result) => formatGlm(result)),
  ];
  return sections.map((lines) => lines.join('\n')).join('\n\n');
}

export async function run(argv: string[], io: CliIo): Promise<void> {
  const args = parseArgs(argv, ['json']);
  assertKnownFlags(args, ['mode', 'json', 'convention']);
  const mode = (getFlag(args, 'mode', ANALYSIS_MODES) ?? 'paper') as AnalysisMode;
  const convention = (getFlag(args, 'convention', GRADING_CONVENTIONS) ??
    'correct') as GradingConvention;
  const [path, ...extra] = args.positional;
  if (!path) throw new UsageError('analyze needs a FILE (a long results table in CSV)');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const data = await readTable(path, io, convention);
  for (const { reason, count } of data.notes) io.stderr(`note: ${count} rows left out: ${reason}`);
  const isJson = args.flags.get('json') === true;
  // The JSON has no summary (the Results view's export neither), so --json skips working it out.
  const outcome = analyseInStages(data, mode, () => {}, { hasSummary: !isJson });
  const { report } = outcome;
  if (isJson) {
    io.stdout(stringifyAnalysisJson(report, outcome));
    if (report.unpaired.count > 0) {
      io.stderr(
        `note: ${report.unpaired.count} rows had no base/warm partner and are not in the paired tests`,
      );
    }
    return;
  }
  io.stdout(formatSummary(path, outcome, data));
}
