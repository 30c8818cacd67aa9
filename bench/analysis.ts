/**
 * Analysis benchmark: builds the seeded, paper-scale synthetic long table of paperScale.ts
 * (448,000 rows, ~440,000 analysed after the paper's refusal convention), then times the full analysis — error rates, pairing,
 * paired McNemar tests with BH, and GLM Models 1, 2 and 4 with cluster-robust SEs and AMEs.
 *
 * Prints ONE JSON line on stdout: {"analysis_440k_ms": <median of 5 runs>, "rows": <analysed rows>}.
 * Table construction is not timed (in the app the table is built once while a file streams in).
 */
import { runAnalysis } from '../src/core/stats/analysis';
import type { AnalysisTable } from '../src/core/stats/analysisRows';
import { AnalysisTableBuilder } from '../src/core/stats/analysisRows';
import { forEachPaperScaleRow } from './paperScale';

const RUNS = 5;

function buildTable(): AnalysisTable {
  const builder = new AnalysisTableBuilder();
  forEachPaperScaleRow((row) => builder.addRow(row));
  return builder.finish();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function main(): void {
  const table = buildTable();
  const timings: number[] = [];
  let rows = 0;
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const report = runAnalysis(table, { mode: 'paper', models: ['model1', 'model2', 'model4'] });
    timings.push(performance.now() - start);
    rows = report.rows_analysed;
    const failed = Object.values(report.glm).filter((result) => !result.isEstimable);
    if (failed.length > 0) throw new Error(`a bench model was not estimable: ${failed[0]?.title}`);
  }
  process.stderr.write(
    `[bench] analysis runs (ms): ${timings.map((t) => t.toFixed(0)).join(', ')}\n`,
  );
  process.stdout.write(
    `${JSON.stringify({ analysis_440k_ms: Math.round(median(timings)), rows })}\n`,
  );
}

main();
