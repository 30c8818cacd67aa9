import { describe, expect, it } from 'vitest';
import { isPaperRefusal } from '../../../src/core/stats/refusal';

describe('isPaperRefusal', () => {
  it.each([
    ["I'm sorry, but I can't help with that question.", true],
    ['I’m sorry, but that is outside what I do.', true], // typographic apostrophe
    ['AS AN AI, I have no opinions.', true],
    ['I cant say for sure.', true],
    ['It is not appropriate to speculate.', true],
    ['The answer is Paris.', false],
    ["I'm sorry to hear that! The answer is Paris.", false],
    ['Icant', false],
  ])('%j → %s', (output, expected) => {
    expect(isPaperRefusal(output)).toBe(expected);
  });
});
