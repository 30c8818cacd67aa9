import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnalysisCsv } from '../../../src/core/stats/analysisRows';
import { headlineSentence } from '../../../src/core/stats/headline';
import { summariseTable } from '../../../src/core/stats/summary';
import { prepareAnalysis, runAnalysis } from '../../../src/core/stats/analysis';
import { analyseInStages } from '../../../src/core/stats/analyseResults';
import { tableOf } from './tables';

const FILE = path.resolve('../shared/fixtures/paper-sample-outputs/qwen32b-outputs-long.csv');
const hasFixture = existsSync(FILE);

describe.skipIf(!hasFixture)(
  'summariseTable on qwen32b-outputs-long.csv (skipped: ../shared/fixtures not found)',
  () => {
    it('gives the headline over the same pairs the McNemar tests use', () => {
      // Every row of this file carries an evaluation, so the plain reader sees the same rows.
      const data = { table: parseAnalysisCsv(readFileSync(FILE, 'utf8')) };
      const summary = summariseTable(data.table, 'paper');
      const overall = summary.headline.overall!;
      expect(headlineSentence(overall)).toBe(
        'Warm arm: +7.6 pp more errors than base (95% CI −0.3 to +15.4 pp; 66 pairs over 64 questions; p = 0.059)',
      );
      expect(overall.n).toBe(runAnalysis(data.table).pairs);
      // The paper's +7.43 pp is about unmodified no-belief prompts: one such pair in this sample.
      expect(summary.paper.find((row) => row.id === 'overall')?.yours?.n).toBe(1);
      // The file's verdicts are the paper's judge labels: nothing rule-graded or unsure.
      expect(summary.band).toMatchObject({ base: { low: 0, ruleGraded: 0 }, warm: { low: 0 } });
      expect(summary.band?.lowPp).toBeCloseTo(overall.pp, 10);
      expect(summary.warmKind).toBe('unknown');
    });
  },
);

describe('summariseTable with the analysis’s own refusal outcomes and pairing', () => {
  // Trivia: base refuses item-9 plainly, warm refuses items 8–9 under the assertion; disinfo:
  // base refuses items 4–5 (correct under the paper's convention, left out in strict mode).
  const table = tableOf([
    { isWarm: false, count: 10, wrong: 2, refusals: 1 },
    { isWarm: true, count: 10, wrong: 5 },
    { isWarm: false, promptType: 'incorrect', count: 10, wrong: 3 },
    { isWarm: true, promptType: 'incorrect', count: 10, wrong: 7, refusals: 2 },
    { dataset: 'disinfo', isWarm: false, count: 6, wrong: 1, refusals: 2 },
    { dataset: 'disinfo', isWarm: true, count: 6, wrong: 3 },
  ]);

  it.each([
    ['paper', 9 + 8 + 6],
    ['strict', 9 + 8 + 4],
  ] as const)('equals pairing anew (%s mode: %i pairs)', (mode, pairs) => {
    const prepared = prepareAnalysis(table, mode);
    const summary = summariseTable(table, mode, undefined, prepared);
    expect(summary).toEqual(summariseTable(table, mode));
    expect([summary.headline.overall?.n, prepared.report.pairs]).toEqual([pairs, pairs]);
  });

  it('refuses outcomes worked out under another mode', () => {
    const prepared = prepareAnalysis(table, 'paper');
    expect(() => summariseTable(table, 'strict', undefined, prepared)).toThrow(
      'summariseTable: outcomes of mode paper, asked for strict',
    );
  });

  it('is left out of analyseInStages only when the caller says so', () => {
    const input = { kind: 'table', table } as const;
    const ticks = [100, 140];
    const now = () => ticks.shift() ?? 0;
    const without = analyseInStages(input, 'paper', () => {}, { hasSummary: false, now });
    expect(without.summary).toBeUndefined();
    expect(without.elapsedMs).toBe(40);
    const summary = analyseInStages(input, 'paper', () => {}).summary;
    expect(summary?.headline.overall?.n).toBe(23);
    expect(summary?.flips[0]?.cells).toBe(8);
  });
});
