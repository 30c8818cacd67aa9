import { describe, expect, it } from 'vitest';
import type { Item } from '../../../src/core/types';
import {
  ALL_SOURCES,
  BANK_SOURCE_ID,
  filterEntries,
  pageOf,
  searchableText,
  toBrowseEntries,
} from '../../../src/core/questions/filter';
import type { BrowseFilter } from '../../../src/core/questions/filter';

const SOURCE = { name: 'test', license: 'CC0-1.0' };
const CAPITAL: Item = {
  id: 'q1',
  family: 'factual',
  question: 'Which city is the capital of Australia?',
  correct: 'Canberra',
  aliases: [],
  wrong: ['Sydney'],
  source: SOURCE,
};
const MYTH: Item = {
  id: 'q2',
  family: 'misconception',
  question: 'Do we only use 10% of our brains?',
  correct: 'No, we use all of it',
  aliases: ['We use virtually all of it'],
  wrong: ['Yes'],
  source: SOURCE,
};
const CASE: Item = {
  id: 'q1',
  family: 'medical',
  question: 'A man has hives after a bee sting. Next step?',
  correct: 'Intramuscular Adrenaline',
  aliases: [],
  wrong: ['Oral antihistamine'],
  options: ['Oral antihistamine', 'Intramuscular Adrenaline', 'Watchful waiting'],
  answerIndex: 1,
  source: SOURCE,
};

const ENTRIES = [
  ...toBrowseEntries([CAPITAL, MYTH], null, 'Built-in bank'),
  ...toBrowseEntries([CASE], 'set-a', 'Imported A'),
];
const keysOf = (filter: BrowseFilter) => filterEntries(ENTRIES, filter).map((e) => e.key);

describe('browse entries', () => {
  it('gives every entry a key unique across sources, even when item ids repeat', () => {
    expect(ENTRIES.map((e) => e.key)).toEqual(['bank:q1', 'bank:q2', 'set:set-a:q1']);
    expect(ENTRIES.map((e) => e.setName)).toEqual(['Built-in bank', 'Built-in bank', 'Imported A']);
  });

  it('searches the question, answers, aliases and options in lower case', () => {
    expect(searchableText(CASE)).toContain('watchful waiting');
    expect(searchableText(MYTH)).toContain('virtually all');
  });

  it.each<[string, BrowseFilter, string[]]>([
    [
      'everything',
      { source: ALL_SOURCES, family: 'all', text: '' },
      ['bank:q1', 'bank:q2', 'set:set-a:q1'],
    ],
    ['the bank only', { source: BANK_SOURCE_ID, family: 'all', text: '' }, ['bank:q1', 'bank:q2']],
    ['one imported set', { source: 'set-a', family: 'all', text: '' }, ['set:set-a:q1']],
    ['one family', { source: ALL_SOURCES, family: 'misconception', text: '' }, ['bank:q2']],
    [
      'a question word, any case',
      { source: ALL_SOURCES, family: 'all', text: '  AUSTRALIA ' },
      ['bank:q1'],
    ],
    ['a wrong answer', { source: ALL_SOURCES, family: 'all', text: 'sydney' }, ['bank:q1']],
    ['an option', { source: ALL_SOURCES, family: 'all', text: 'watchful' }, ['set:set-a:q1']],
    ['an alias', { source: ALL_SOURCES, family: 'all', text: 'virtually' }, ['bank:q2']],
    ['filters combined', { source: BANK_SOURCE_ID, family: 'medical', text: '' }, []],
    ['text found nowhere', { source: ALL_SOURCES, family: 'all', text: 'zebra' }, []],
  ])('filters by %s', (_name, filter, expected) => {
    expect(keysOf(filter)).toEqual(expected);
  });
});

describe('pageOf', () => {
  const rows = Array.from({ length: 45 }, (_, i) => i + 1);
  it.each([
    [0, { page: 0, pageCount: 3, first: 1, last: 20, shown: [1, 20] }],
    [1, { page: 1, pageCount: 3, first: 21, last: 40, shown: [21, 40] }],
    [2, { page: 2, pageCount: 3, first: 41, last: 45, shown: [41, 45] }],
    [9, { page: 2, pageCount: 3, first: 41, last: 45, shown: [41, 45] }],
    [-3, { page: 0, pageCount: 3, first: 1, last: 20, shown: [1, 20] }],
  ])('page %i of 45 rows', (page, expected) => {
    const result = pageOf(rows, page);
    expect(result.page).toBe(expected.page);
    expect(result.pageCount).toBe(expected.pageCount);
    expect([result.first, result.last]).toEqual([expected.first, expected.last]);
    expect([result.rows[0], result.rows.at(-1)]).toEqual(expected.shown);
    expect(result.total).toBe(45);
  });

  it('shows one empty page when nothing matches', () => {
    expect(pageOf([], 4)).toEqual({ rows: [], page: 0, pageCount: 1, first: 0, last: 0, total: 0 });
  });
});
