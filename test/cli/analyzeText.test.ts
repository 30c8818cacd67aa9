import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io';
import { runCli } from '../../src/cli/main';
import { headlineSentence } from '../../src/core/stats/headline';
import { handleAnalysisRequest } from '../../src/workers/analysisHandler';
import type { AnalysisEvent } from '../../src/workers/analysisProtocol';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SAMPLE = path.resolve(
  HERE,
  '../../../shared/fixtures/paper-sample-outputs/qwen32b-outputs-long.csv',
);
const HAS_SAMPLE = existsSync(SAMPLE);

/** `analyze` without --json on an in-memory file; stdout split into lines. */
async function analyzeText(name: string, text: string): Promise<string[]> {
  const out: string[] = [];
  const io: CliIo = {
    stdout: (chunk) => out.push(chunk),
    stderr: () => {},
    readChunks: () => {
      throw new Error('analyze reads the whole text');
    },
    readText: () => Promise.resolve(text),
  };
  expect(await runCli(['analyze', name], io)).toBe(0);
  return out.join('\n').split('\n');
}

/** The headline sentence the Results view shows: the worker's summary, as HeadlinePanel words it. */
async function resultsViewSentence(name: string, text: string): Promise<string> {
  const events: AnalysisEvent[] = [];
  const post = (event: AnalysisEvent) => events.push(event);
  const files = [{ file: new Blob([text]), path: name }];
  await handleAnalysisRequest({ type: 'import', id: 1, files }, post);
  const imported = events.at(-1);
  if (imported?.type !== 'imported' || imported.data.kind !== 'table') {
    throw new Error('expected an imported table');
  }
  await handleAnalysisRequest(
    { type: 'analyse', id: 2, input: imported.data, mode: 'paper' },
    post,
  );
  const analysed = events.at(-1);
  const overall = analysed?.type === 'analysed' ? analysed.outcome.summary?.headline.overall : null;
  if (!overall) throw new Error('no headline in the Results view outcome');
  return headlineSentence(overall);
}

const HEADER = 'model,dataset,variant,item_id,amendment_type,prompt_type,output,evaluation';

/**
 * 4 questions asked plainly and with an asserted wrong answer. Wrong answers (base, warm):
 * q0 plain –/–, asserted –/W; q1 –/– then B/W; q2 –/– then –/W; q3 –/W then –/W.
 */
function flipTable(): string {
  const wrong: Record<string, [string, string]> = {
    'q0 original': ['C', 'C'],
    'q0 incorrect': ['C', 'I'],
    'q1 original': ['C', 'C'],
    'q1 incorrect': ['I', 'I'],
    'q2 original': ['C', 'C'],
    'q2 incorrect': ['C', 'I'],
    'q3 original': ['C', 'I'],
    'q3 incorrect': ['C', 'I'],
  };
  const label = (code: string) => (code === 'I' ? 'INCORRECT' : 'CORRECT');
  const rows = [HEADER];
  for (const [key, [base, warm]] of Object.entries(wrong)) {
    const [item, prompt] = key.split(' ');
    rows.push(`m1,trivia,base,${item},unmodified,${prompt},out,${label(base)}`);
    rows.push(`m1,trivia,warm,${item},unmodified,${prompt},out,${label(warm)}`);
  }
  return rows.join('\n');
}

describe('analyze (text): the answer first, in the Results view words', () => {
  it('opens with the headline, its subsets, the flip rate and the grading band', async () => {
    const lines = await analyzeText('flip.csv', flipTable());
    // 8 pairs: warm wrong 5, base wrong 1 → +50 pp; plain prompts +25 pp, asserted +75 pp.
    // Per-question d sums 1, 0, 1, 2: SE 20.4 pp, t(3) = 2.449, p = 0.092.
    // Flip: base keeps 4 plain cells and flips 1; warm keeps 3 and flips all 3.
    expect(lines.slice(0, 7)).toEqual([
      'Warm arm: +50.0 pp more errors than base (95% CI −15.0 to +100.0 pp; 8 pairs over 4 questions; p = 0.092)',
      '  No user belief: +25.0 pp (95% CI −54.6 to +100.0 pp; p = 0.391; 4 pairs)',
      '  False user belief: +75.0 pp (95% CI −4.6 to +100.0 pp; p = 0.058; 4 pairs)',
      '  Factual (TriviaQA): +50.0 pp (95% CI −15.0 to +100.0 pp; p = 0.092; 8 pairs)',
      'Flip rate, User asserts a wrong answer (4 cells): base 1 of 4 (25.0%); caved or not: unknown without the answers’ text | warm 3 of 3 (100.0%); caved or not: unknown without the answers’ text | warm − base +75.0 pp (95% CI −4.6 to +100.0 pp; p = 0.058; 4 questions)',
      'Grading band: none (no unsure verdicts; the effect stays +50.0 pp). Unsure (low-confidence) verdicts: base 0 of 8, warm 0 of 8.',
      '',
    ]);
    expect(lines[7]).toBe('Analysis of flip.csv (mode: paper)');
  });

  it.skipIf(!HAS_SAMPLE)(
    "on the authors' sample, the first lines (skipped: ../shared/fixtures not found)",
    async () => {
      const text = readFileSync(SAMPLE, 'utf8');
      const lines = await analyzeText('qwen32b.csv', text);
      const sentence =
        'Warm arm: +7.6 pp more errors than base (95% CI −0.3 to +15.4 pp; 66 pairs over 64 questions; p = 0.059)';
      expect(await resultsViewSentence('qwen32b.csv', text)).toBe(sentence);
      expect(lines.slice(0, 9)).toEqual([
        sentence,
        '  No user belief: +4.2 pp (95% CI −4.5 to +12.8 pp; p = 0.328; 24 pairs)',
        '  False user belief: +9.5 pp (95% CI −2.0 to +21.1 pp; p = 0.103; 42 pairs)',
        '  Factual (TriviaQA): +5.3 pp (95% CI −5.8 to +16.3 pp; p = 0.331; 19 pairs)',
        '  Misconception (TruthfulQA): +5.9 pp (95% CI −16.2 to +27.9 pp; p = 0.579; 17 pairs)',
        '  Conspiracy (MASK disinformation): 0.0 pp (no interval: fewer than two questions or no variation between them; no discordant pairs, so no test; 10 pairs)',
        '  Medical (MedQA): +15.0 pp (95% CI −2.4 to +32.4 pp; p = 0.087; 20 pairs)',
        'Flip rate not measurable here: it needs the same question and context asked both with no belief and with a false belief, in both arms.',
        'Grading band: none (no unsure verdicts; the effect stays +7.6 pp). Unsure (low-confidence) verdicts: base 0 of 66, warm 0 of 66.',
      ]);
    },
  );
});
