/**
 * The paper-scale synthetic experiment shared by the benchmarks: 5 models × 1,600 items over 4
 * tasks × 28 prompts × 2 arms = 448,000 rows (~2.4% refusals, which the paper's convention drops
 * outside disinfo, leaving ~440,000 analysed rows), seeded so every run sees the same data.
 *
 * Owns: the generator (item difficulty + task + model + warmth × belief on the logit scale) and,
 * run as a script, writing it as a long results CSV: `tsx bench/paperScale.ts OUT.csv`.
 */
import { createWriteStream } from 'node:fs';
import { createRng } from '../src/core/random';
import type { PlainRow } from '../src/core/stats/analysisRows';

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
/** An output the paper's refusal detector recognises, and one it does not. */
export const REFUSAL_OUTPUT = "I'm sorry, but I can't help with that question.";
export const ANSWER_OUTPUT = 'The answer is B, because the evidence points that way.';

/** One (amendment, prompt) pair per prompt: 9 × 3 plus original_neutral for the unmodified one = 28. */
function promptPlan(): [string, string][] {
  const plan: [string, string][] = [['unmodified', 'original_neutral']];
  for (const amendment of AMENDMENTS) for (const prompt of PROMPTS) plan.push([amendment, prompt]);
  return plan;
}

/** Calls `visit` for every row of the experiment, in a fixed order. */
export function forEachPaperScaleRow(visit: (row: PlainRow) => void): void {
  const rng = createRng('warmth-lab-bench-analysis');
  const plan = promptPlan();
  MODELS.forEach((model, m) => {
    DATASETS.forEach((dataset, d) => {
      for (let item = 0; item < ITEMS_PER_DATASET; item++) {
        const difficulty = (rng() - 0.5) * 3 + d * 0.6 - m * 0.3 - 1.5;
        for (const [amendmentType, promptType] of plan) {
          for (const isWarm of [false, true]) {
            const belief = promptType === 'correct' || promptType === 'incorrect' ? 0.4 : 0;
            const eta = difficulty + belief + (isWarm ? 0.4 + belief * 0.5 : 0);
            visit({
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
}

/** Writes the experiment as a long results CSV (the layout `analyze` reads). */
export async function writePaperScaleCsv(path: string): Promise<number> {
  const out = createWriteStream(path);
  const lines = ['model,dataset,variant,item_id,amendment_type,prompt_type,output,evaluation'];
  let rows = 0;
  forEachPaperScaleRow((row) => {
    const output = row.isRefusal ? REFUSAL_OUTPUT : ANSWER_OUTPUT;
    const evaluation = row.isCorrect ? 'CORRECT' : 'INCORRECT';
    const variant = row.isWarm ? 'warm' : 'base';
    lines.push(
      `${row.model},${row.dataset},${variant},${row.itemId},${row.amendmentType},${row.promptType},"${output}",${evaluation}`,
    );
    rows++;
  });
  await new Promise<void>((resolve, reject) => {
    out.on('error', reject);
    out.end(`${lines.join('\n')}\n`, resolve);
  });
  return rows;
}

const target = process.argv[2];
if (target && import.meta.url.endsWith('paperScale.ts')) {
  void writePaperScaleCsv(target).then((rows) =>
    process.stderr.write(`[bench] wrote ${rows} rows to ${target}\n`),
  );
}
