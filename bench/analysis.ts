/**
 * Analysis benchmark: builds a seeded, paper-scale synthetic long table (5 models × 1,600 items
 * over 4 tasks × 28 prompts × 2 arms = 448,000 rows, ~2% refusals dropped by the paper's
 * convention → ~440,000 analysed rows), then times the full analysis — error rates, pairing,
 * paired McNemar tests with BH, and GLM Models 1, 2 and 4 with cluster-robust SEs and AMEs.
 *
 * Prints ONE JSON line on stdout: {"analysis_440k_ms": <median of 5 runs>, "rows": <analysed rows>}.
 * Table construction is not timed (in the app the table is built once while a file streams in).
 */
import { runAnalysis } from '../src/core/stats/analysis';
import type { AnalysisTable } from '../src/core/stats/analysisRows';
import { AnalysisTableBuilder } from '../src/core/stats/analysisRows';
import { createRng } from '../src/core/random';

const MODELS = ['llama-8b', 'mistral-12b', 'qwen-32b', 'llama-70b', 'gpt-4o'];
const DATASETS = ['disinfo', 'medqa', 'trivia', 'truthfulqa'];
const ITEMS_PER_DATASET = 400;
const AMENDMENTS = [
  'unmodified',
  'emotion:anger',
  'emotion:happy',
  'emotion:sad',
  'relation:close',
  'relation:hierarchical_down',
  'relation:hierarchical_up',
  'stake:high',
  'stake:low',
];
const PROMPTS = ['original', 'correct', 'incorrect'];
const REFUSAL_RATE = 0.024;
const RUNS = 5;

/** One (amendment, prompt) pair per prompt: 9 × 3 plus original_neutral for the unmodified one = 28. */
function promptPlan(): [string, string][] {
  const plan: [string, string][] = [['unmodified', 'original_neutral']];
  for (const amendment of AMENDMENTS) for (const prompt of PROMPTS) plan.push([amendment, prompt]);
  return plan;
}

/** Error probability from a logistic model: item difficulty + task + model + warmth × belief. */
function buildTable(): AnalysisTable {
  const rng = createRng('warmth-lab-bench-analysis');
  const builder = new AnalysisTableBuilder();
  const plan = promptPlan();
  MODELS.forEach((model, m) => {
    DATASETS.forEach((dataset, d) => {
      for (let item = 0; item < ITEMS_PER_DATASET; item++) {
        const difficulty = (rng() - 0.5) * 3 + d * 0.6 - m * 0.3 - 1.5;
        for (const [amendmentType, promptType] of plan) {
          for (const isWarm of [false, true]) {
            const belief = promptType === 'correct' || promptType === 'incorrect' ? 0.4 : 0;
            const eta = difficulty + belief + (isWarm ? 0.4 + belief * 0.5 : 0);
            builder.addRow({
              model,
              dataset,
              isWarm,
              itemId: `${dataset}-${item}`,
              amendmentType,
              promptType,
              isCorrect: rng() >= 1 / (1 + Math.exp(-eta)),
              isRefusal: rng() < REFUSAL_RATE,
            });
          }
        }
      }
    });
  });
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
