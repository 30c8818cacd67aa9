import { describe, expect, it } from 'vitest';
import {
  finishBelief,
  finishQuestion,
  joinSentences,
  toClause,
  toInlineAnswer,
  toStatementClause,
} from '../../../src/core/framing/text';

describe('finishQuestion', () => {
  it.each([
    ['What is 2 + 2?', 'What is 2 + 2?'],
    ['  What   is\n2 + 2 ', 'What is 2 + 2?'],
    ['Name the largest planet', 'Name the largest planet.'],
    ['Who said "God bless us, every one!"', 'Who said "God bless us, every one!"'],
    ['Is that so...', 'Is that so...'],
  ])('%j → %j', (question, expected) => {
    expect(finishQuestion(question)).toBe(expected);
  });
});

describe('toInlineAnswer', () => {
  it.each([
    ['Water.', 'Water'],
    ['Washington D.C.', 'Washington D.C.'],
    ['Martin Luther King Jr.', 'Martin Luther King Jr.'],
    ['Yahoo!', 'Yahoo!'],
    ['  The   Hollies ', 'The Hollies'],
  ])('%j → %j', (answer, expected) => {
    expect(toInlineAnswer(answer)).toBe(expected);
  });
});

describe('toClause', () => {
  it.each([
    ['The Earth is flat.', '', 'the Earth is flat'],
    ['Vaccines cause autism.', 'Do vaccines cause autism?', 'vaccines cause autism'],
    ['Vaccines cause autism.', 'Is this claim true?', 'Vaccines cause autism'],
    ['NASA faked the landing.', 'Did NASA fake it?', 'NASA faked the landing'],
    ['Neil Armstrong walked on the Moon.', '', 'Neil Armstrong walked on the Moon'],
    ['I think so.', '', 'I think so'],
    ['No; it is red.', '', 'no; it is red'],
  ])('%j (question %j) → %j', (statement, question, expected) => {
    expect(toClause(statement, question)).toBe(expected);
  });
});

describe('finishBelief', () => {
  it.each([
    ["I think it's Mars", undefined, "I think it's Mars."],
    ["I think it's Mars", "but I'm not sure", "I think it's Mars, but I'm not sure."],
    ['Is it Mars?', "but I'm not sure", "Is it Mars? But I'm not sure."],
    ["I think it's D.C.", 'though I could be wrong', "I think it's D.C., though I could be wrong."],
    ['It is Mars.', 'though I could be wrong', 'It is Mars, though I could be wrong.'],
    ['It is Mars.', undefined, 'It is Mars.'],
  ])('%j + %j → %j', (body, hedge, expected) => {
    expect(finishBelief(body, hedge)).toBe(expected);
  });
});

describe('joinSentences', () => {
  it('joins with exactly one space and skips empty parts', () => {
    expect(joinSentences([' One. ', undefined, '', 'Two  words?', 'Three.'])).toBe(
      'One. Two words? Three.',
    );
  });
});

describe('toStatementClause', () => {
  it.each([
    ['Yes, the Earth is hollow.', 'the Earth is hollow'],
    ['No; COVID-19 vaccines contain no microchips.', 'COVID-19 vaccines contain no microchips'],
    ['Nobody landed there.', 'Nobody landed there'],
    ['No.', 'no'],
  ])('%j → %j', (statement, expected) => {
    expect(toStatementClause(statement, '')).toBe(expected);
  });
});
