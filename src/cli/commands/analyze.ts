/**
 * `analyze FILE [--mode paper|strict] [--json]`: paired tests and GLMs on a long results table.
 *
 * Owns: reading the file in chunks into the columnar table (memory stays flat for 100 MB
 * files), turning core input errors into one-line InputErrors that name the file and line, and
 * printing either the reference-shaped JSON (one object on stdout) or a readable summary.
 */
import { CsvParser, CsvSyntaxError } from '../../core/csv';
import type { AnalysisReport, PresetResult } from '../../core/stats/analysis';
import { runAnalysis, stringifyReport, toReferenceShape } from '../../core/stats/analysis';
import type { AnalysisTable } from '../../core/stats/analysisRows';
import {
  AnalysisInputError,
  AnalysisTableBuilder,
  addCsvRecords,
} from '../../core/stats/analysisRows';
import type { AnalysisMode } from '../../core/stats/outcomes';
import { ANALYSIS_MODES } from '../../core/stats/outcomes';
import { InputError, UsageError, assertKnownFlags, getFlag, parseArgs } from '../args';
import type { CliIo } from '../io';

/** Streams the CSV into an AnalysisTable, reporting bad input as `FILE: line N: …`. */
async function readTable(path: string, io: CliIo): Promise<AnalysisTable> {
  const parser = new CsvParser();
  const builder = new AnalysisTableBuilder();
  let hasHeader = false;
  try {
    for await (const chunk of io.readChunks(path)) {
      hasHeader = addCsvRecords(builder, parser.push(chunk), hasHeader);
    }
    hasHeader = addCsvRecords(builder, parser.end(), hasHeader);
  } catch (error) {
    if (error instanceof AnalysisInputError || error instanceof CsvSyntaxError) {
      throw new InputError(`${path}: ${error.message}`);
    }
    throw error;
  }
  const table = builder.finish();
  if (!hasHeader || table.size === 0) {
    throw new InputError(`${path}: no data rows (expected a header row and at least one result)`);
  }
  return table;
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

function formatSummary(path: string, report: AnalysisReport): string {
  const sections = [
    [
      `Analysis of ${path} (mode: ${report.mode})`,
      `rows in ${report.rows_in}; refusals detected ${report.refusals_detected}; rows analysed ${report.rows_analysed}`,
    ],
    formatErrorRates(report),
    formatPairedTests(report),
    ...Object.values(report.glm).map((result) => formatGlm(result)),
  ];
  return sections.map((lines) => lines.join('\n')).join('\n\n');
}

export async function run(argv: string[], io: CliIo): Promise<void> {
  const args = parseArgs(argv, ['json']);
  assertKnownFlags(args, ['mode', 'json']);
  const mode = (getFlag(args, 'mode', ANALYSIS_MODES) ?? 'paper') as AnalysisMode;
  const [path, ...extra] = args.positional;
  if (!path) throw new UsageError('analyze needs a FILE (a long results table in CSV)');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const table = await readTable(path, io);
  if (table.skipped.length > 0) {
    const first = table.skipped[0];
    io.stderr(
      `note: ${table.skipped.length} rows left out (first: line ${first?.line}, ${first?.reason})`,
    );
  }
  const report = runAnalysis(table, { mode });
  if (args.flags.get('json') === true) {
    io.stdout(stringifyReport(toReferenceShape(report)));
    if (report.unpaired.count > 0) {
      io.stderr(
        `note: ${report.unpaired.count} rows had no base/warm partner and are not in the paired tests`,
      );
    }
    return;
  }
  io.stdout(formatSummary(path, report));
}
