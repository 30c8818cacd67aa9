import { describe, expect, it } from 'vitest';
import { validateCustomFraming } from '../../../src/core/framing';
import { toPlainFormProblems } from '../../../src/core/framing/formProblems';

describe('toPlainFormProblems', () => {
  it('turns an empty framing into plain words with no id jargon', () => {
    const problems = validateCustomFraming({
      id: 'custom:',
      kind: 'context',
      label: '',
      variants: [],
    });
    expect(problems[0]).toContain('id: expected "custom:<slug>"');
    expect(toPlainFormProblems(problems)).toEqual([
      'Label: type a short name for this framing (its id is made from it).',
      'variants: expected at least one sentence — type one per line in the box above.',
    ]);
  });

  it('keeps every other problem as the validator wrote it', () => {
    const problems = ['variant 2: unbalanced { or }', 'label: 90 characters, at most 60 allowed'];
    expect(toPlainFormProblems(problems)).toEqual(problems);
  });

  it('explains an id problem on its own as a label without letters or digits', () => {
    expect(toPlainFormProblems(['id: expected "custom:<slug>" (…), got "custom:"'])).toEqual([
      'Label: needs at least one letter or digit (its id is made from it).',
    ]);
  });
});
