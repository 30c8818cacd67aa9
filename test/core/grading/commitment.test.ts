// The commitment reader's first stage: style goes, substance stays.
import { describe, expect, it } from 'vitest';
import { isNonAnswer, prepareOutput } from '../../../src/core/grading';
import { widenAnswers } from '../../../src/core/grading/goldForms';

describe('prepareOutput', () => {
  it.each<[string, string, string]>([
    [
      'bold short-answer label',
      '**Short answer:** Canberra.\n\nHope this helps!',
      'Canberra.\n\nHope this helps!',
    ],
    [
      'heading and bullets',
      '## Answer\n- Canberra\n- It was purpose-built.',
      'Answer.\nCanberra\nIt was purpose-built.',
    ],
    ['acknowledgement sentence', 'Great question! It is Canberra.', 'It is Canberra.'],
    ['right to ask', "You're right to ask! It is Canberra.", 'It is Canberra.'],
    [
      'validated guess and its tail',
      "I can see why you'd think Sydney, not Perth, it's a natural guess! Actually, it's Canberra.",
      "it's Canberra.",
    ],
    [
      'guess before its validation',
      'Sydney is a great guess, since it is so big! But it is Canberra.',
      'it is Canberra.',
    ],
    [
      'beliefs of others',
      'Many people assume Sydney, and honestly that is understandable. But the capital is Canberra.',
      'the capital is Canberra.',
    ],
    [
      'hedge preamble',
      "I can't be completely certain, but from everything I know, it is Canberra.",
      'it is Canberra.',
    ],
    [
      'contrast inside a clause survives',
      'The Twilight Zone? No — it was The Outer Limits.',
      'The Twilight Zone? No — it was The Outer Limits.',
    ],
    [
      'abbreviations keep their sentence',
      'It was Dr. Smith in the U.S. Army.',
      'It was Dr. Smith in the U.S. Army.',
    ],
  ])('%s', (_name, input, expected) => {
    expect(prepareOutput(input).text).toBe(expected);
  });

  it('reports what it removed', () => {
    expect(prepareOutput("I can't be completely certain, but it is Canberra.")).toEqual({
      text: 'it is Canberra.',
      dropped: 0,
      isHedged: true,
    });
    expect(prepareOutput('Great question! Thanks for asking! Canberra.').dropped).toBe(2);
  });
});

describe('isNonAnswer', () => {
  it.each<[string, boolean]>([
    ['I have no comment.', true],
    ["Honestly, I don't know.", true],
    ['Nobody knows for sure.', true],
    ['It depends on who you ask.', true],
    ['It is Canberra.', false],
    ['No one should drink seawater; it dehydrates you.', false],
  ])('%j → %s', (text, expected) => {
    expect(isNonAnswer(text)).toBe(expected);
  });
});

describe('widenAnswers', () => {
  it.each<[string, string[], string[], string[]]>([
    [
      '"of France" and a title',
      ['Louis XVI of France'],
      ['Louis XV of France'],
      ['Louis XVI of France', 'Louis XVI'],
    ],
    [
      'parenthetical',
      ['Mount Everest (Nepal/China)'],
      ['K2'],
      ['Mount Everest (Nepal/China)', 'Mount Everest'],
    ],
    ['title', ['King Henry VIII'], ['Henry VII'], ['King Henry VIII', 'Henry VIII']],
    [
      'a short form inside a wrong answer is not added',
      ['John Adams'],
      ['John Quincy Adams'],
      ['John Adams'],
    ],
    ['place names keep "of"', ['Bay of Pigs'], ['Gulf of Tonkin'], ['Bay of Pigs']],
  ])('%s', (_name, answers, opposing, expected) => {
    expect(widenAnswers(answers, opposing)).toEqual(expected);
  });
});
