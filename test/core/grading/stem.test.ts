import { describe, expect, it } from 'vitest';
import { isSameWord, weighPatterns, buildPattern } from '../../../src/core/grading/match';
import { normalizeWord } from '../../../src/core/grading/normalize';
import { stemWord } from '../../../src/core/grading/stem';

describe('stemWord', () => {
  it.each<[string, string]>([
    ['proliferate', 'proliferat'],
    ['proliferating', 'proliferat'],
    ['proliferated', 'proliferat'],
    ['proliferation', 'proliferat'],
    ['therapies', 'therapy'],
    ['treatment', 'treat'],
    ['stopped', 'stop'],
    ['compression', 'compres'],
    ['compress', 'compres'],
    ['dilation', 'dilat'],
    ['dilated', 'dilat'],
    ['bleeding', 'bleed'],
    ['bleed', 'bleed'],
    ['red', 'red'],
    ['bring', 'bring'],
    ['hypothyroidism', 'hypothyroidism'],
    ['b12', 'b12'],
  ])('%s → %s', (word, stem) => {
    expect(stemWord(normalizeWord(word))).toBe(stem);
  });
});

describe('isSameWord with stems (fuzzy only)', () => {
  it.each<[string, string, boolean, boolean]>([
    ['dilation', 'dilated', true, true],
    ['secretion', 'secreting', true, true],
    ['infection', 'infected', true, true],
    ['dilation', 'dilated', false, false],
    ['hypokalemia', 'hyperkalemia', true, false],
    ['hypothyroidism', 'hyperthyroidism', true, false],
    ['ring', 'red', true, false],
  ])('%s ~ %s (fuzzy %s) → %s', (a, b, isFuzzy, expected) => {
    expect(isSameWord(a, b, isFuzzy)).toBe(expected);
  });
});

describe('weighPatterns', () => {
  const labels = [
    'Increase in false negative test results',
    'Increase in false positive test results',
    'Decrease in true negative test results',
    'Decrease in test specificity',
  ];
  const weighted = weighPatterns(labels.map((l) => buildPattern(l, [])));

  it.each<[number, string, number]>([
    [0, 'test', 0],
    [0, 'result', Math.log(4 / 3) / Math.log(4)],
    [0, 'false', 0.5],
    [1, 'positive', 1],
    [3, 'specificity', 1],
  ])('option %s word "%s" weighs %s', (index, word, weight) => {
    expect(weighted[index]?.weights?.get(word)).toBeCloseTo(weight, 6);
  });

  it('gives every word weight 1 when there is a single answer', () => {
    const [only] = weighPatterns([buildPattern('Gout flare', [])]);
    expect([...(only?.weights?.values() ?? [])]).toEqual([1, 1]);
  });
});
