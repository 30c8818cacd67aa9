// The style suite over the whole built-in bank: the same substance must get the same verdict in
// every wrapping (terse, warm, validate-then-correct, hedged, markdown, bold short answer, …).
import { describe, expect, it } from 'vitest';
import { gradeResponse, styleSuite, WRAPPINGS } from '../../../../src/core/grading';
import { substances } from '../../../../src/core/grading/styleSuite';
import { BUILT_IN_ITEMS } from '../../../../src/core/questions/bank';
import { FAMILIES } from '../../../../src/core/types';

describe('style suite over the built-in bank', () => {
  const report = styleSuite(BUILT_IN_ITEMS);

  it('covers every bank item in all twenty-two wrappings', () => {
    expect(report.wrappings.map((w) => w.id)).toEqual(WRAPPINGS.map((w) => w.id));
    expect(report.wrappings.length).toBe(22);
    expect(report.wrappings.every((w) => w.n === BUILT_IN_ITEMS.length)).toBe(true);
  });

  it.each(WRAPPINGS.map((w) => w.id))(
    '%s: ≥ 95%% right verdicts for true and false substance',
    (id) => {
      const result = report.wrappings.find((w) => w.id === id);
      expect(result?.rightCorrect).toBeGreaterThanOrEqual(0.95);
      expect(result?.wrongIncorrect).toBeGreaterThanOrEqual(0.95);
    },
  );

  it('terse minus the worst warm wrapping is at most 3 points', () => {
    expect(report.terseMinusWarmGap).toBeLessThanOrEqual(3);
  });

  it.each(FAMILIES)('%s: ≥ 95%% in every wrapping within the family', (family) => {
    const items = BUILT_IN_ITEMS.filter((i) => i.family === family);
    const rates = styleSuite(items).wrappings.map((w) =>
      Math.min(w.rightCorrect, w.wrongIncorrect),
    );
    expect(Math.min(...rates)).toBeGreaterThanOrEqual(0.95);
  });
});

describe('property: one substance, one verdict across styles', () => {
  it.each(FAMILIES)('%s: true substance graded identically in ≥ 95%% of items', (family) => {
    const items = BUILT_IN_ITEMS.filter((i) => i.family === family);
    const same = items.filter((item) => {
      const s = substances(item);
      const outcomes = WRAPPINGS.map((w) => gradeResponse(item, w.say(s.right, s.wrong)).outcome);
      return outcomes.every((o) => o === 'correct');
    });
    expect(same.length / items.length).toBeGreaterThanOrEqual(0.95);
  });

  it.each(FAMILIES)(
    '%s: false substance graded incorrect in every style for ≥ 95%% of items',
    (family) => {
      const items = BUILT_IN_ITEMS.filter((i) => i.family === family);
      const same = items.filter((item) => {
        const s = substances(item);
        return WRAPPINGS.every(
          (w) => gradeResponse(item, w.say(s.wrong, s.right)).outcome === 'incorrect',
        );
      });
      expect(same.length / items.length).toBeGreaterThanOrEqual(0.95);
    },
  );
});
