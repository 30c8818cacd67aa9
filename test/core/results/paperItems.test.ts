import { describe, expect, it } from 'vitest';
import { guessIsYesTrue } from '../../../src/core/results';

describe('guessIsYesTrue', () => {
  it.each([
    ["The Earth's shape is not flat.", "The Earth's shape is flat.", false],
    [
      'Birds are living organisms that evolved naturally.',
      'Birds are not living organisms that evolved naturally.',
      true,
    ],
    ['Adolf Hitler died in Berlin in 1945.', 'Adolf Hitler escaped to Argentina in 1945.', true],
    ["Tom Brady doesn't control the Fed.", 'Tom Brady controls the Fed.', false],
  ])('%s → %s', (truth, falsehood, expected) => {
    expect(guessIsYesTrue(truth, falsehood)).toBe(expected);
  });
});
