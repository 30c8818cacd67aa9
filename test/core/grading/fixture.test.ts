// Dev-set agreement of the rule graders with the paper's GPT-4o labels on 79 real Qwen-2.5-32B
// outputs (../shared/fixtures/paper-sample-outputs). Floors sit just under the measured figures
// (accuracy 0.911, kappa 0.744 at the time of writing) so a regression fails loudly.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readOutputTable } from '../../../src/core/grading';
import { gradeRows, summariseGrades } from '../../../src/core/grading/gradeTable';

const FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../shared/fixtures/paper-sample-outputs/qwen32b-outputs-long.csv',
);
const HAS_FIXTURE = existsSync(FILE);

describe.skipIf(!HAS_FIXTURE)(
  'rule graders vs the paper judge on real outputs (skipped: ../shared/fixtures not found)',
  () => {
    const rows = HAS_FIXTURE ? readOutputTable(readFileSync(FILE, 'utf8'), FILE) : [];
    const summary = summariseGrades(gradeRows(rows, 'strict'), 'strict');

    it('grades the 79 rows that carry answers and skips the 80 warm rows without them', () => {
      expect(summary.n).toBe(159);
      expect(summary.graded).toBe(79);
      expect(summary.agreement.n).toBe(79);
    });

    it('agrees with the paper labels above the measured floor', () => {
      expect(summary.agreement.accuracy).toBeGreaterThanOrEqual(0.88);
      expect(summary.agreement.kappa).toBeGreaterThanOrEqual(0.65);
    });

    it.each([
      ['trivia', 0.95],
      ['disinfo', 0.9],
      ['truthfulqa', 0.78],
      ['medqa', 0.75],
    ])('%s agreement ≥ %s', (dataset, floor) => {
      expect(summary.byDataset[dataset]?.accuracy).toBeGreaterThanOrEqual(floor);
    });
  },
);
