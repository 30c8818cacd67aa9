// Dev-set agreement of the rule graders with the paper's GPT-4o labels on 159 real Qwen-2.5-32B
// outputs (../shared/fixtures/paper-sample-outputs). The 79 base rows carry answers (the
// "training" rows the graders were shaped on); 67 warm rows borrow them from their base twin by
// item_id (the "validation" rows). Floors sit just under the measured figures so a regression
// fails loudly.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fillFromTwins, readOutputTable } from '../../../src/core/grading';
import { gradeRows, summariseGrades } from '../../../src/core/grading/gradeTable';

const FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../shared/fixtures/paper-sample-outputs/qwen32b-outputs-long.csv',
);
const HAS_FIXTURE = existsSync(FILE);

describe.skipIf(!HAS_FIXTURE)(
  'rule graders vs the paper judge on real outputs (skipped: ../shared/fixtures not found)',
  () => {
    const read = HAS_FIXTURE ? readOutputTable(readFileSync(FILE, 'utf8'), FILE) : [];
    const { rows, filled } = fillFromTwins(read);
    const graded = gradeRows(rows, 'strict');
    const all = summariseGrades(graded, 'strict');
    const base = summariseGrades(
      graded.filter((g) => g.row.filledFromLine === undefined),
      'strict',
    );
    const warm = summariseGrades(
      graded.filter((g) => g.row.filledFromLine !== undefined),
      'strict',
    );

    it('grades the 79 answered rows plus the 67 warm rows that have an answered twin', () => {
      expect(all.n).toBe(159);
      expect([filled, all.filledFromTwins, all.graded, all.agreement.n]).toEqual([
        67, 67, 146, 146,
      ]);
      expect(base.graded).toBe(79);
    });

    // Measured: base 0.924 / κ 0.775, warm 0.925 / κ 0.833, all 0.925 / κ 0.809.
    it.each([
      ['base rows', base, 0.91, 0.76],
      ['joined warm rows', warm, 0.91, 0.8],
      ['all rows', all, 0.91, 0.79],
    ])('%s agree above the measured floor', (_name, summary, accuracy, kappa) => {
      expect(summary.agreement.accuracy).toBeGreaterThanOrEqual(accuracy);
      expect(summary.agreement.kappa).toBeGreaterThanOrEqual(kappa);
    });

    it.each([
      ['trivia', 0.95],
      ['disinfo', 0.9],
      ['truthfulqa', 0.85],
      ['medqa', 0.82],
    ])('%s agreement over all graded rows ≥ %s', (dataset, floor) => {
      expect(all.byDataset[dataset]?.accuracy).toBeGreaterThanOrEqual(floor);
    });
  },
);
