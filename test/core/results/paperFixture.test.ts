import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fromPaperLayout, toLongCsv, toPaperLayout } from '../../../src/core/results';
import type { MedicalItem } from '../../../src/core/types';

const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../shared/fixtures',
);
const FILE = path.join(FIXTURES, 'paper-sample-outputs/qwen32b-outputs-long.csv');
const hasFixture = existsSync(FILE);

describe.skipIf(!hasFixture)(
  'qwen32b-outputs-long.csv (skipped: ../shared/fixtures not found)',
  () => {
    const text = hasFixture ? readFileSync(FILE, 'utf8') : '';
    const result = fromPaperLayout(text, 'qwen32b-outputs-long.csv', {
      importedAt: '2025-07-01T00:00:00.000Z',
    });
    const { records } = result;

    it('imports every row as a record', () => {
      expect(result.report).toEqual({
        layout: 'paper-long',
        rowsRead: 159,
        recordsMade: 159,
        warnings: [],
      });
      expect(records.filter((r) => r.armRole === 'base')).toHaveLength(80);
      expect(records.filter((r) => r.armRole === 'warm')).toHaveLength(79);
      expect(records.filter((r) => r.grades[0]?.outcome === 'correct')).toHaveLength(120);
      expect(records.filter((r) => r.grades[0]?.outcome === 'incorrect')).toHaveLength(39);
      expect(new Set(records.map((r) => r.family))).toEqual(
        new Set(['conspiracy', 'medical', 'factual', 'misconception']),
      );
    });

    it('maps the first row exactly', () => {
      expect(records[0]).toMatchObject({
        modelId: 'qwen_32b',
        armId: 'paper:qwen_32b:base',
        armRole: 'base',
        family: 'conspiracy',
        itemId:
          'disinfo:Do modern architectural designs contain deliberately embedded secret codes and m',
        condition: { context: 'relation:deferential', belief: 'none' },
        sample: 0,
      });
      expect(records[0]?.output.startsWith('The idea that modern architectural designs')).toBe(
        true,
      );
    });

    it('rebuilds items from the base rows, including MedQA options', () => {
      const medical = result.items.find(
        (item): item is MedicalItem =>
          item.family === 'medical' && item.correct === 'Stop evening exercise',
      );
      expect(medical?.options).toHaveLength(5);
      expect(medical?.answerIndex).toBe(2);
      expect(medical?.wrong).toEqual(['Trial of diphenhydramine']);
      const ids = new Set(records.map((r) => r.itemId));
      expect(result.items.length).toBeGreaterThan(0);
      expect(result.items.every((item) => ids.has(item.id))).toBe(true);
    });

    it('pairs warm rows with base rows of the same item and prompt', () => {
      const key = (r: (typeof records)[number]) =>
        `${r.itemId}|${r.condition.context}|${r.condition.belief}|${String(r.condition.hasLeadIn)}`;
      const baseKeys = new Set(records.filter((r) => r.armRole === 'base').map(key));
      const paired = records.filter((r) => r.armRole === 'warm' && baseKeys.has(key(r)));
      // The authors sampled each published file separately, so 67 of the 79 warm rows have a
      // base twin (counted independently with Python's csv module).
      expect(paired).toHaveLength(67);
    });

    it('writes back out in both layouts without losing rows', () => {
      const items = new Map(result.items.map((item) => [item.id, item]));
      const long = toLongCsv(records, { items, arms: [], appVersion: 'test' });
      expect(long.trim().split('\n').length).toBeGreaterThan(159);
      const paper = toPaperLayout(records, { items });
      expect(paper.files.reduce((sum, file) => sum + file.rowCount, 0)).toBe(159);
      expect(paper.files).toHaveLength(8);
    });
  },
);
