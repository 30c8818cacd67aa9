import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnalysisCsv } from '../../../src/core/stats/analysisRows';
import { headlineSentence } from '../../../src/core/stats/headline';
import { summariseTable } from '../../../src/core/stats/summary';
import { runAnalysis } from '../../../src/core/stats/analysis';

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
