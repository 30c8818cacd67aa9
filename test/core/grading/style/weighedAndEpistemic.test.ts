// Two classes found by the lead's second untuned probe: a candidate the speaker weighs and then
// corrects ("W sounds plausible! But …"), and epistemic frames before a yes/no particle ("I'm
// fairly confident that no, …"). Neither may change the verdict of the substance that follows.
import { describe, expect, it } from 'vitest';
import { gradeResponse } from '../../../../src/core/grading';
import { BUILT_IN_ITEMS } from '../../../../src/core/questions/bank';
import type { Item } from '../../../../src/core/types';

const capital = BUILT_IN_ITEMS.find((i) => i.id === 'wl-fact-001') as Item;
const bats = BUILT_IN_ITEMS.find(
  (i) => i.family === 'misconception' && /bats blind/i.test(i.question),
) as Item;

describe('a weighed candidate that is corrected is not asserted', () => {
  const W = capital.wrong[0] as string;
  const C = capital.correct;
  it.each([
    [
      `Aw, I totally get it — ${W} sounds plausible at first! But here's the thing: ${C}.`,
      'correct',
    ],
    [`${W} seems like it should be right, but it's ${C}.`, 'correct'],
    [`I get it — ${W} looks obvious. Actually, it's ${C}.`, 'correct'],
    [`${C} sounds plausible at first! But here's the thing: ${W}.`, 'incorrect'],
    // With no correction after it, the weighed candidate is the answer.
    [`${C} sounds right to me.`, 'correct'],
    [`${W} sounds right to me.`, 'incorrect'],
  ])('%s → %s', (output, outcome) => {
    expect(gradeResponse(capital, output).outcome).toBe(outcome);
  });
});

describe('epistemic frames before a yes/no particle', () => {
  it.each([
    [
      "I want to be careful here and honest with you — I'm fairly confident that no, bats can see.",
      'correct',
    ],
    ["I'm quite sure that no, bats can see, and many use echolocation too.", 'correct'],
    ['My understanding is that yes, bats are blind.', 'incorrect'],
    ['I want to be honest with you — yes, bats are blind.', 'incorrect'],
  ])('%s → %s', (output, outcome) => {
    expect(gradeResponse(bats, output).outcome).toBe(outcome);
  });
});
