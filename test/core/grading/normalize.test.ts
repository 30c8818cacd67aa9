import { describe, expect, it } from 'vitest';
import { isSameWord } from '../../../src/core/grading/match';
import { splitSentences, tokenize, words } from '../../../src/core/grading/normalize';

describe('words (normalisation)', () => {
  it.each<[string, string[]]>([
    ['The Outer Limits', ['outer', 'limit']],
    ['Gdańsk', ['gdansk']],
    ['Łódź', ['lodz']],
    ['Schubert’s quintet', ['schubert', 'quintet']],
    ["isn't", ['is', 'not']],
    ['can’t', ['can', 'not']],
    ['Twenty-one pilots', ['21', 'pilot']],
    ['eleven', ['11']],
    ['Haemophilus', ['hemophilus']],
    ['acute hepatitis A', ['acute', 'hepatitis', 'alpha']],
    ['A cat', ['cat']],
    ['IFN-α', ['ifn', 'alpha']],
    ['  extra   spaces\t', ['extra', 'space']],
    ['HbA1c 6.5%', ['hba1c', '6.5']],
  ])('%s', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });
});

describe('splitSentences', () => {
  it.each<[string, number]>([
    ['One. Two! Three?', 3],
    ['Dr. Jekyll met Mr. Hyde.', 1],
    ['Line one\nLine two', 2],
    ['A value of 6.5 is high.', 1],
  ])('%s → %d sentences', (text, expected) => {
    expect(splitSentences(tokenize(text))).toHaveLength(expected);
  });
});

describe('isSameWord (fuzzy stems)', () => {
  it.each<[string, string, boolean]>([
    ['emboli', 'embolism', true],
    ['thrombus', 'thrombosi', true],
    ['hyperparathyroidism', 'hyperthyroidism', false],
    ['negative', 'positive', false],
    ['11', '110', false],
    ['cat', 'cats', false],
  ])('%s ~ %s → %s', (a, b, expected) => {
    expect(isSameWord(a, b, true)).toBe(expected);
  });
});
