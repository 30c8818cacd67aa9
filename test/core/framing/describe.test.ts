import { describe, expect, it } from 'vitest';
import { describeVariants } from '../../../src/core/framing/describe';
import type { CustomFraming } from '../../../src/core/framing';

const AIRPORT: CustomFraming = {
  id: 'custom:airport',
  kind: 'context',
  label: 'Stuck at the airport',
  variants: ['My flight was cancelled.', 'I am stranded.'],
};

describe('describeVariants', () => {
  it.each([
    [
      { context: 'emotion:sad#1', belief: 'asserts-wrong#4' },
      'Sad context, wording 2 of 5 · Asserts a wrong answer, wording 5 of 5',
    ],
    [
      { belief: 'denies-right#0+hedge#2' },
      'Denies the right answer, wording 1 of 5, hedge wording 3 of 5',
    ],
    [{ leadIn: 'lead#3' }, 'neutral lead-in, wording 4 of 5'],
    [{ context: 'custom:airport#1' }, 'Stuck at the airport context, wording 2 of 2'],
    [{ context: 'custom:gone#0' }, 'custom:gone context, wording 1'],
    [{}, ''],
  ])('%j', (variantIds, expected) => {
    expect(describeVariants(variantIds, [AIRPORT])).toBe(expected);
  });
});
