import { describe, expect, it } from 'vitest';
import { chooseDisplayAnswer, deriveWrongAnswers } from '../../../src/core/questions/triviaAnswers';
import type { FactualItem } from '../../../src/core/types';

describe('chooseDisplayAnswer', () => {
  it.each([
    [
      [
        'First man in space',
        'first man in space',
        'Yuri Gagarin',
        'yuri gagarin',
        'Gagarin',
        'Yuri Alekseyevich Gagarin',
      ],
      'Gagarin',
    ],
    [['cannes france', 'weather in cannes', 'cannes', 'Cannes', 'The weather in Cannes'], 'Cannes'],
    [["Fat Larry's Band", 'fat larry s band'], "Fat Larry's Band"],
    [['AARON', 'aaron'], 'AARON'],
    [['only'], 'only'],
  ])('%j → %j', (answers, expected) => {
    expect(chooseDisplayAnswer(answers)).toBe(expected);
  });
});

const item = (
  id: string,
  question: string,
  correct: string,
  aliases: string[] = [],
): FactualItem => ({
  id,
  family: 'factual',
  question,
  correct,
  aliases,
  wrong: [],
  source: { name: 'TriviaQA', license: 'Apache-2.0' },
});

describe('deriveWrongAnswers', () => {
  it('borrows a same-kind answer, never one of the item’s own, deterministically', () => {
    const make = () => [
      item('1', 'Who painted the Mona Lisa?', 'Leonardo da Vinci'),
      item('2', 'In which year did WW2 end?', '1945'),
      item('3', 'Who wrote Hamlet?', 'William Shakespeare'),
      item('4', 'In which year did WW1 end?', '1918'),
      item('5', 'Who is also called Leo?', 'Leo', ['Leonardo da Vinci']),
    ];
    const items = make();
    expect(deriveWrongAnswers(items, 's')).toEqual([]);
    expect(items[1]?.wrong).toEqual(['1918']);
    expect(items[3]?.wrong).toEqual(['1945']);
    expect(items[4]?.wrong[0]).not.toBe('Leonardo da Vinci');
    expect(items.every((i) => i.isWrongDerived === true)).toBe(true);
    const again = make();
    deriveWrongAnswers(again, 's');
    expect(again.map((i) => i.wrong)).toEqual(items.map((i) => i.wrong));
  });

  it('reports items that cannot get one (a single question)', () => {
    expect(deriveWrongAnswers([item('only', 'Q?', 'A')], 's')).toEqual(['only']);
  });
});
