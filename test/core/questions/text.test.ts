import { describe, expect, it } from 'vitest';
import {
  dedupeStrings,
  makeReadableId,
  makeTextId,
  normalizeAnswer,
  splitAnswerList,
  unquoteDpr,
} from '../../../src/core/questions/text';

describe('splitAnswerList', () => {
  it.each([
    [
      'Nothing happens; You eat seeds; It is fine, mostly',
      ['Nothing happens', 'You eat seeds', 'It is fine, mostly'],
    ],
    ['A; B;', ['A', 'B']],
    ['Ratio 3;4 holds; B', ['Ratio 3;4 holds', 'B']],
    ['A;  A; ', ['A']],
    ['', []],
  ])('%j', (text, expected) => {
    expect(splitAnswerList(text)).toEqual(expected);
  });
});

describe('unquoteDpr', () => {
  it.each([
    [
      '"The ""Hall of Mirrors"" is in which building?"',
      'The "Hall of Mirrors" is in which building?',
    ],
    ['"""here be dragons"""', '"here be dragons"'],
    ['"Quoted" and more "quoted"', '"Quoted" and more "quoted"'],
    ['Plain question?', 'Plain question?'],
    ['"', '"'],
  ])('%j → %j', (text, expected) => {
    expect(unquoteDpr(text)).toBe(expected);
  });
});

describe('normalizeAnswer, dedupeStrings, makeTextId', () => {
  it.each([
    ['Château de Versailles', 'chateau de versailles'],
    ['Fat Larry’s Band', 'fat larry s band'],
    ['  Ю́рий  Гага́рин ', 'юрии гагарин'],
  ])('normalises %j', (text, expected) => {
    expect(normalizeAnswer(text)).toBe(expected);
  });

  it('dedupes trimmed strings in first-seen order', () => {
    expect(dedupeStrings([' b', 'a', 'b ', '', 'a'])).toEqual(['b', 'a']);
  });

  it('ids keep the first 80 characters of the question, as the authors’ tables do', () => {
    expect(makeTextId('medqa', 'x'.repeat(100))).toBe(`medqa:${'x'.repeat(80)}`);
    expect(makeTextId('trivia', 'Short?')).toBe('trivia:Short?');
  });
});

describe('makeReadableId', () => {
  it.each([
    [
      'medqa',
      'A 1-month-old girl is brought to the pediatrician.',
      /^medqa:a-1-month-old-girl-is-brought-to-[0-9a-f]{6}$/,
    ],
    ['medqa', 'Ünïcode café patient?', /^medqa:unicode-cafe-patient-[0-9a-f]{6}$/],
    ['medqa', '???', /^medqa:[0-9a-f]{6}$/],
  ])('%s %j', (dataset, question, pattern) => {
    expect(makeReadableId(dataset, question)).toMatch(pattern);
    expect(makeReadableId(dataset, question)).toBe(makeReadableId(dataset, `  ${question} `));
  });
});
