import { describe, expect, it } from 'vitest';
import { isValidCustomFraming, slugify, validateCustomFraming } from '../../../src/core/framing';

const VALID_BELIEF = {
  id: 'custom:my-teacher',
  kind: 'belief',
  label: 'My teacher says',
  variants: ['My teacher told me it was {wrong}', "I don't think it's {correct}"],
};

describe('validateCustomFraming', () => {
  it.each([
    ['belief with both placeholders', VALID_BELIEF],
    [
      'context sentence',
      { id: 'custom:exam', kind: 'context', label: 'Exam', variants: ['My exam is tomorrow.'] },
    ],
  ])('accepts a %s', (_name, framing) => {
    expect(validateCustomFraming(framing)).toEqual([]);
    expect(isValidCustomFraming(framing)).toBe(true);
  });

  it.each([
    ['a non-object', 'hello', 'expected an object with id, kind, label and variants'],
    ['a bad id', { ...VALID_BELIEF, id: 'teacher' }, 'id: expected "custom:<slug>"'],
    ['an upper-case id', { ...VALID_BELIEF, id: 'custom:Teacher' }, 'id: expected "custom:<slug>"'],
    [
      'a bad kind',
      { ...VALID_BELIEF, kind: 'mood' },
      'kind: expected "context" or "belief", got "mood"',
    ],
    ['an empty label', { ...VALID_BELIEF, label: '  ' }, 'label: text is empty'],
    [
      'a long label',
      { ...VALID_BELIEF, label: 'x'.repeat(81) },
      'label: 81 characters, at most 80 allowed',
    ],
    ['no variants', { ...VALID_BELIEF, variants: [] }, 'variants: expected at least one sentence'],
    [
      'an empty variant',
      { ...VALID_BELIEF, variants: ['ok {wrong}', ' '] },
      'variant 2: text is empty',
    ],
    [
      'a non-text variant',
      { ...VALID_BELIEF, variants: [42] },
      'variant 1: expected text, got number',
    ],
    [
      'a long variant',
      { ...VALID_BELIEF, variants: ['a'.repeat(501)] },
      'variant 1: 501 characters, at most 500 allowed',
    ],
    [
      'an unknown placeholder',
      { ...VALID_BELIEF, variants: ['It is {answer}'] },
      'variant 1: unknown placeholder {answer}; use {wrong} or {correct}',
    ],
    [
      'a placeholder in a context',
      { id: 'custom:x', kind: 'context', label: 'X', variants: ['About {wrong}'] },
      'variant 1: contexts cannot use placeholders (found {wrong})',
    ],
    [
      'an unbalanced brace',
      { ...VALID_BELIEF, variants: ['It is {wrong'] },
      'variant 1: unbalanced { or }',
    ],
    [
      'too many variants',
      { ...VALID_BELIEF, variants: Array.from({ length: 21 }, () => 'x') },
      'variants: 21 given, at most 20 allowed',
    ],
  ])('rejects %s', (_name, framing, message) => {
    const problems = validateCustomFraming(framing);
    expect(problems.some((problem) => problem.startsWith(message))).toBe(true);
    expect(isValidCustomFraming(framing)).toBe(false);
  });
});

describe('slugify', () => {
  it.each([
    ['My Boss!', 'my-boss'],
    ['  Café  stress ', 'cafe-stress'],
  ])('%j → %j', (label, slug) => {
    expect(slugify(label)).toBe(slug);
  });
});
