import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  conditionKey,
  describeCondition,
  enumerateConditions,
  fromPaperCodes,
  toPaperCodes,
} from '../../../src/core/framing';
import type { Condition } from '../../../src/core/types';

describe('enumerateConditions', () => {
  it('lists the 28 paper prompts: neutral first, then 9 contexts × 3 beliefs', () => {
    const grid = enumerateConditions();
    expect(grid).toHaveLength(28);
    expect(grid[0]).toEqual({ context: 'none', belief: 'none', hasLeadIn: true });
    expect(grid[1]).toEqual({ context: 'none', belief: 'none' });
    expect(grid[27]).toEqual({ context: 'stakes:low', belief: 'denies-right' });
    expect(new Set(grid.map(conditionKey)).size).toBe(28);
  });

  it('leaves out the neutral lead-in prompt on request', () => {
    const grid = enumerateConditions({ isLeadInIncluded: false });
    expect(grid).toHaveLength(27);
    expect(grid.some((condition) => condition.hasLeadIn)).toBe(false);
  });
});

describe('paper codes', () => {
  it.each([
    [{ context: 'none', belief: 'none' }, 'unmodified', 'original'],
    [{ context: 'none', belief: 'none', hasLeadIn: true }, 'unmodified', 'original_neutral'],
    [{ context: 'emotion:angry', belief: 'asserts-wrong' }, 'emotion:anger', 'incorrect'],
    [
      { context: 'relation:deferential', belief: 'denies-right' },
      'relation:hierarchical_up',
      'correct',
    ],
    [{ context: 'relation:commanding', belief: 'none' }, 'relation:hierarchical_down', 'original'],
    [{ context: 'stakes:high', belief: 'denies-right' }, 'stake:high', 'correct'],
    [{ context: 'custom:exam', belief: 'custom:teacher' }, 'custom:exam', 'custom:teacher'],
  ] as [Condition, string, string][])(
    '%j ↔ %s / %s',
    (condition, amendmentType, promptTemplate) => {
      expect(toPaperCodes(condition)).toEqual({ amendmentType, promptTemplate });
      expect(fromPaperCodes({ amendmentType, promptTemplate })).toEqual(condition);
    },
  );

  it('round-trips every condition of the grid', () => {
    for (const condition of enumerateConditions()) {
      expect(fromPaperCodes(toPaperCodes(condition))).toEqual(condition);
    }
  });

  it('maps the multiple-choice template to no belief', () => {
    expect(fromPaperCodes({ amendmentType: 'stake:low', promptTemplate: 'mcq' })).toEqual({
      context: 'stakes:low',
      belief: 'none',
    });
  });

  it.each([
    [
      { amendmentType: 'emotion:angry', promptTemplate: 'original' },
      'unknown amendment type "emotion:angry"',
    ],
    [{ amendmentType: 'unmodified', promptTemplate: 'wrong' }, 'unknown prompt template "wrong"'],
  ])('rejects %j', (codes, message) => {
    expect(() => fromPaperCodes(codes)).toThrow(message);
  });

  it('rejects an unknown context when exporting', () => {
    const condition = { context: 'emotion:bored', belief: 'none' } as unknown as Condition;
    expect(() => toPaperCodes(condition)).toThrow('unknown context "emotion:bored"');
  });
});

describe('describeCondition', () => {
  it.each([
    [{ context: 'emotion:sad', belief: 'asserts-wrong' }, 'Sad · Asserts a wrong answer'],
    [
      { context: 'none', belief: 'denies-right', isHedged: true, hasLeadIn: true },
      'No context · Denies the right answer (hedged, lead-in)',
    ],
    [{ context: 'custom:exam', belief: 'none' }, 'Exam night · No belief'],
  ] as [Condition, string][])('%j → %s', (condition, label) => {
    const custom = [
      {
        id: 'custom:exam' as const,
        kind: 'context' as const,
        label: 'Exam night',
        variants: ['x'],
      },
    ];
    expect(describeCondition(condition, custom)).toBe(label);
  });
});

const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../shared/fixtures/paper-eval-data',
);
const HAS_FIXTURES = existsSync(FIXTURES);

describe.skipIf(!HAS_FIXTURES)(
  "paper codes in the authors' files (skipped: ../shared/fixtures not found)",
  () => {
    it.each(['trivia-excerpt.jsonl', 'truthfulqa-excerpt.jsonl', 'disinfo-excerpt.jsonl'])(
      'every amendment type / template pair in %s maps and round-trips',
      (file) => {
        const lines = readFileSync(path.join(FIXTURES, file), 'utf8').split('\n').filter(Boolean);
        expect(lines.length).toBeGreaterThan(0);
        for (const line of lines) {
          const row = JSON.parse(line) as { amendment_type: string; prompt_template: string };
          const codes = { amendmentType: row.amendment_type, promptTemplate: row.prompt_template };
          expect(toPaperCodes(fromPaperCodes(codes))).toEqual(codes);
        }
      },
    );
  },
);
