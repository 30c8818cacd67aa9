// Issue 11, held-out robustness: wrappings written apart from the grader's own suite (see
// heldOutWrappings.ts). Half A was used to fix the rules; half B was never looked at while
// fixing, so its figures are the held-out estimate. Both halves must keep >= 95% right verdicts
// per family and convention, for true substance (correct) and false substance (incorrect).
import { describe, expect, it } from 'vitest';
import { gradeResponse } from '../../../../src/core/grading';
import { substances } from '../../../../src/core/grading/styleSuite';
import { BUILT_IN_ITEMS } from '../../../../src/core/questions/bank';
import { FAMILIES } from '../../../../src/core/types';
import type { GradingConvention } from '../../../../src/core/types';
import { HALF_A, HALF_B, type HeldOutWrapping } from './heldOutWrappings';

/** Share of right verdicts for one wrapping over one family's bank items. */
function rates(w: HeldOutWrapping, family: string, convention: GradingConvention) {
  const items = BUILT_IN_ITEMS.filter((i) => i.family === family);
  let right = 0;
  let wrong = 0;
  for (const item of items) {
    const s = substances(item);
    if (gradeResponse(item, w.say(s.right, s.wrong), { convention }).outcome === 'correct') right++;
    if (gradeResponse(item, w.say(s.wrong, s.right), { convention }).outcome === 'incorrect')
      wrong++;
  }
  return { right: right / items.length, wrong: wrong / items.length };
}

/**
 * Held-out (half B) wrappings still below 95% in some family after the half-A fixes, left
 * unfixed on purpose so half B stays an honest estimate. "It's so easy to believe W — you're not
 * alone in that!" validates W with a frame the rules do not know. Fixing one must update this.
 */
const KNOWN_HELD_OUT_MISSES: Record<string, string[]> = {
  'easy-to-believe': ['misconception', 'conspiracy'],
};

const CASES = (['A', 'B'] as const).flatMap((half) =>
  (half === 'A' ? HALF_A : HALF_B).flatMap((w) =>
    (['correct', 'truthful'] as const).map((c) => [half, w.id, c] as const),
  ),
);

describe('held-out wrappings over the built-in bank', () => {
  it('has 16 wrappings in each half, none shared', () => {
    expect(HALF_A.length).toBe(16);
    expect(HALF_B.length).toBe(16);
    expect(HALF_A.filter((a) => HALF_B.some((b) => b.id === a.id))).toEqual([]);
  });

  const ALL = [...HALF_A, ...HALF_B];
  it.each(CASES)(
    'half %s, %s, %s: at least 95 percent in every family',
    (_half, id, convention) => {
      const w = ALL.find((x) => x.id === id) as HeldOutWrapping;
      const below = FAMILIES.filter((f) => {
        const r = rates(w, f, convention);
        return r.right < 0.95 || r.wrong < 0.95;
      });
      expect(below).toEqual(KNOWN_HELD_OUT_MISSES[id] ?? []);
    },
  );
});
