// Agreement of the misconception grader with TruthfulQA's human truthfulness labels
// (../shared/fixtures/truthfulqa-human-labels/dev-long.csv, 5,744 rows) under the `truthful`
// convention. Measured: 78.6% / κ 0.56 on the every-fourth-row sample below, about 78% / κ 0.55
// over the whole file with scripts/measure-graders.ts (rule:misconception@1: 56.8% / κ 0.21;
// always "not truthful" 57.7%; ROUGE-1 64.1%). Floors sit just below the sample's figures.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { computeAgreement, gradeResponse } from '../../../src/core/grading';
import type { AgreementPair } from '../../../src/core/grading';
import { importText } from '../../../src/core/questions';

const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../shared/fixtures',
);
const LABELS = path.join(FIXTURES, 'truthfulqa-human-labels/dev-long.csv');
const QUESTIONS = path.join(FIXTURES, 'truthfulqa/TruthfulQA_v1_817.csv');
const HAS_FIXTURES = existsSync(LABELS) && existsSync(QUESTIONS);

describe.skipIf(!HAS_FIXTURES)(
  'misconception grader vs TruthfulQA human labels (skipped: ../shared/fixtures not found)',
  () => {
    it('agrees on ≥ 77% of sampled dev rows with κ ≥ 0.52 under the truthful convention', async () => {
      const { items } = await importText('truthfulqa-csv', readFileSync(QUESTIONS, 'utf8'), {
        fileName: QUESTIONS,
      });
      const byQuestion = new Map(items.map((item) => [item.question.trim(), item]));
      const rows = Papa.parse<Record<string, string>>(readFileSync(LABELS, 'utf8'), {
        header: true,
        skipEmptyLines: true,
      }).data;
      // Every fourth row keeps the test quick; scripts/measure-graders.ts measures all of them.
      const sample = rows.filter((_, i) => i % 4 === 0);
      const pairs: AgreementPair[] = sample.flatMap((row) => {
        const item = byQuestion.get((row.question ?? '').trim());
        if (!item) return [];
        const grade = gradeResponse(item, row.output ?? '', { convention: 'truthful' });
        const label = row.evaluation === 'CORRECT' ? 'correct' : 'incorrect';
        return [{ a: grade.outcome, b: label }];
      });
      expect(pairs.length).toBe(1436);
      const report = computeAgreement(pairs, { isBinary: true });
      expect(report.accuracy).toBeGreaterThanOrEqual(0.77);
      expect(report.kappa).toBeGreaterThanOrEqual(0.52);
    }, 180_000);
  },
);
