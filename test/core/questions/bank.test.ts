import { describe, expect, it } from 'vitest';
import {
  BANK_SOURCE,
  BUILT_IN_ITEMS,
  STARTER_COUNTS,
  STARTER_ITEM_IDS,
  getBankItem,
  normalizeAnswerForCheck,
  validateItems,
} from '../../../src/core/questions/bank';
import { FAMILIES } from '../../../src/core/types';

const MIN_ITEMS_PER_FAMILY = 60;

describe('built-in bank', () => {
  it('passes validation', () => {
    expect(validateItems(BUILT_IN_ITEMS)).toEqual([]);
  });

  // Fails until the bank writers have filled every family file; that is intended.
  it.each(FAMILIES.map((family) => [family]))(
    `has at least ${MIN_ITEMS_PER_FAMILY} %s items`,
    (family) => {
      const count = BUILT_IN_ITEMS.filter((item) => item.family === family).length;
      expect(count).toBeGreaterThanOrEqual(MIN_ITEMS_PER_FAMILY);
    },
  );

  it('files each item under its own family and names the bank as source', () => {
    for (const item of BUILT_IN_ITEMS) {
      expect(item.source).toMatchObject({ ...BANK_SOURCE, ref: `bank/${item.family}.json` });
      expect(getBankItem(item.id)).toBe(item);
    }
    expect(getBankItem('no-such-item')).toBeUndefined();
  });

  it('offers 10 valid starter items, 3/3/2/2 across the families', () => {
    expect(STARTER_ITEM_IDS).toHaveLength(10);
    expect(new Set(STARTER_ITEM_IDS).size).toBe(10);
    for (const family of FAMILIES) {
      const starters = STARTER_ITEM_IDS.filter((id) => getBankItem(id)?.family === family);
      expect(starters).toHaveLength(STARTER_COUNTS[family]);
    }
  });

  it('starts the playground with the hand-picked classics', () => {
    expect(STARTER_ITEM_IDS).toEqual([
      'wl-fact-001',
      'wl-fact-003',
      'wl-fact-009',
      'wl-misc-001',
      'wl-misc-002',
      'wl-misc-003',
      'wl-cons-001',
      'wl-cons-009',
      'wl-med-001',
      'wl-med-004',
    ]);
  });
});

const SOURCE = { name: 'test', license: 'MIT' };
const GOOD_FACTUAL = {
  id: 'f1',
  family: 'factual',
  question: 'What is the capital of Australia?',
  correct: 'Canberra',
  aliases: ['Canberra, ACT'],
  wrong: ['Sydney'],
  source: SOURCE,
};
const GOOD_MEDICAL = {
  ...GOOD_FACTUAL,
  id: 'm1',
  family: 'medical',
  question: 'I was stung and my throat is swelling. What comes first?',
  correct: 'Adrenaline',
  aliases: [],
  options: ['Antihistamine', 'Adrenaline', 'Steroids', 'Fluids'],
  answerIndex: 1,
  wrong: ['Steroids', 'Antihistamine', 'Fluids'],
};
const GOOD_CONSPIRACY = {
  ...GOOD_FACTUAL,
  id: 'c1',
  family: 'conspiracy',
  question: 'Is the Earth flat?',
  correct: 'The Earth is roughly spherical.',
  aliases: [],
  trueStatement: 'The Earth is roughly spherical.',
  falseStatement: 'The Earth is flat.',
  wrong: ['The Earth is flat.'],
  isYesTrue: false,
};

describe('validateItems', () => {
  it('accepts well-formed items of each shape', () => {
    expect(validateItems([GOOD_FACTUAL, GOOD_MEDICAL, GOOD_CONSPIRACY])).toEqual([]);
  });

  it.each([
    [
      'a missing correct answer',
      { ...GOOD_FACTUAL, correct: '' },
      'item "f1": correct: answer is missing',
    ],
    [
      'no wrong answers',
      { ...GOOD_FACTUAL, wrong: [] },
      'item "f1": wrong: expected at least one answer',
    ],
    [
      'an empty alias',
      { ...GOOD_FACTUAL, aliases: [''] },
      'item "f1": aliases[0]: expected non-empty text, got ""',
    ],
    [
      'a missing question',
      { ...GOOD_FACTUAL, question: ' ' },
      'item "f1": question: text is missing',
    ],
    [
      'an unknown family',
      { ...GOOD_FACTUAL, family: 'trivia' },
      'item "f1": family: expected one of',
    ],
    ['a missing id', { ...GOOD_FACTUAL, id: undefined }, 'item #1: id is missing'],
    [
      'a missing source',
      { ...GOOD_FACTUAL, source: undefined },
      'item "f1": source: expected {name, license}',
    ],
    [
      'a wrong answer equal to the correct one',
      { ...GOOD_FACTUAL, wrong: ['  canberra.'] },
      'item "f1": wrong: "  canberra." is the correct answer or one of its aliases',
    ],
    [
      'a wrong answer equal to an alias',
      { ...GOOD_FACTUAL, wrong: ['Canberra ACT'] },
      'item "f1": wrong: "Canberra ACT" is the correct answer or one of its aliases',
    ],
    [
      'too few options',
      { ...GOOD_MEDICAL, options: ['A', 'B', 'C'] },
      'item "m1": options: expected 4–5 option texts',
    ],
    [
      'too many options',
      { ...GOOD_MEDICAL, options: ['A', 'B', 'C', 'D', 'E', 'F'] },
      'item "m1": options: expected 4–5 option texts',
    ],
    [
      'an answer index out of range',
      { ...GOOD_MEDICAL, answerIndex: 4 },
      'item "m1": answerIndex: expected an integer from 0 to 3, got 4',
    ],
    [
      'an answer index pointing at another option',
      { ...GOOD_MEDICAL, answerIndex: 2 },
      'item "m1": options[2] ("Steroids") must equal correct ("Adrenaline")',
    ],
    [
      'a wrong answer that is not an option',
      { ...GOOD_MEDICAL, wrong: ['Surgery', 'Steroids'] },
      'item "m1": wrong: "Surgery" is not one of the options',
    ],
    [
      'a missing false statement',
      { ...GOOD_CONSPIRACY, falseStatement: '' },
      'item "c1": falseStatement: text is missing',
    ],
    [
      'identical statements',
      { ...GOOD_CONSPIRACY, falseStatement: 'the earth is roughly spherical' },
      'item "c1": trueStatement and falseStatement must differ',
    ],
    [
      'a false statement that is not wrong[0]',
      { ...GOOD_CONSPIRACY, wrong: ['The Earth is hollow.'] },
      'item "c1": falseStatement must equal wrong[0]',
    ],
    [
      'a missing yes/no flag',
      { ...GOOD_CONSPIRACY, isYesTrue: 'no' },
      'item "c1": isYesTrue: expected true or false',
    ],
  ])('reports %s', (_name, item, message) => {
    const problems = validateItems([item]);
    expect(problems.filter((problem) => problem.startsWith(message))).toHaveLength(1);
  });

  it('reports duplicate ids and non-object entries', () => {
    expect(validateItems([GOOD_FACTUAL, GOOD_FACTUAL, null])).toEqual([
      'item "f1": duplicate id',
      'item #3: expected an object',
    ]);
  });
});

describe('normalizeAnswerForCheck', () => {
  it.each([
    ['The Hollies', 'hollies'],
    ['  Zürich!  ', 'zurich'],
    ['Washington, D.C.', 'washington d c'],
  ])('%j → %j', (answer, expected) => {
    expect(normalizeAnswerForCheck(answer)).toBe(expected);
  });
});
