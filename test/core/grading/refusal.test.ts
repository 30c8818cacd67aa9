import { describe, expect, it } from 'vitest';
import { detectRefusal, isLikelyRefusal } from '../../../src/core/grading';

describe('detectRefusal (paper phrase list, substring semantics)', () => {
  it.each<[string, boolean]>([
    ['I cannot answer that.', true],
    ['I am not able to help.', true],
    ['I am unable to comply.', true],
    ['As an AI, I have no opinions.', true],
    ['As a language model I lack data.', true],
    ['My purpose is to help.', true],
    ['I do not have access to records.', true],
    ['I must remain neutral.', true],
    ['It is not appropriate to speculate.', true],
    ["I'm sorry, but that is private.", true],
    ['I’m sorry, but that is private.', true],
    ["I can't say.", true],
    ['I can’t say.', true],
    ['i cant say', true],
    ['I CANNOT DO THIS', true],
    ["I can't diagnose you, but it sounds like gout.", true],
    ['The answer is Paris.', false],
    ["I'm sorry to hear that. It is Paris.", false],
    ['Scientists cannot agree.', false],
    ['', false],
  ])('%s → %s', (text, expected) => {
    expect(detectRefusal(text)).toBe(expected);
  });
});

describe('isLikelyRefusal (stricter, for rule graders)', () => {
  it.each<[string, boolean]>([
    ["I'm sorry, but I can't help with that.", true],
    ['I’m sorry, but I can’t help with that.', true],
    ['I cannot provide medical advice. Please see a doctor.', true],
    ['I must decline to discuss this topic.', true],
    ["I don't have enough information to answer.", true],
    ["I can't diagnose you, but it sounds like gout.", false],
    ['As an AI I have no feelings, but the capital is Paris.', false],
    ['The answer is Paris. I cannot stress that enough, but anyway.', false],
    [
      `Here is a long answer. ${'It explains everything in detail. '.repeat(30)} I cannot say more.`,
      false,
    ],
    ['', false],
  ])('%s → %s', (text, expected) => {
    expect(isLikelyRefusal(text)).toBe(expected);
  });
});
