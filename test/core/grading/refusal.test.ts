import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvObjects } from '../../../src/core/csv';
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
    // Only the first two sentences are read, however the sentences are broken.
    ['Thanks for asking!\n\nI cannot help with that.', true],
    ['Thanks. Really.\tI cannot help with that.', false],
    ['Thanks\nfor asking\nI cannot help with that.', false],
    ['  \n Thanks?  I CAN’T HELP WITH THAT.', true],
  ])('%s → %s', (text, expected) => {
    expect(isLikelyRefusal(text)).toBe(expected);
  });
});

/** The text as the rule reads it after folding (curly apostrophes straightened, lower case). */
function folded(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc]/g, "'").toLowerCase();
}

describe('isLikelyRefusal decides the same before and after folding (its pre-check reads the opening only)', () => {
  const SHARED = path.resolve('../shared/fixtures/paper-sample-outputs/qwen32b-outputs-long.csv');
  const samples = [
    'I’M SORRY, BUT I CAN’T HELP WITH THAT.',
    'I\u02bcm not in a position to say.',
    'WE MUST DECLINE.',
    // The two characters whose lower case is ASCII: İ → "i̇", Kelvin sign → "k".
    '\u0130 cannot say.',
    'I cannot \u212aeep going.',
    'As An Ai, I lack data.',
    'The answer is Paris.',
  ];
  const outputs = existsSync(SHARED)
    ? parseCsvObjects(readFileSync(SHARED, 'utf8')).rows.map((row) => row.values.output ?? '')
    : [];

  it('on hand-picked cases and, with ../shared, on every answer of the authors\u2019 sample in three casings', () => {
    const texts = [
      ...samples,
      ...outputs.flatMap((text) => [text, text.toUpperCase(), folded(text)]),
    ];
    const disagreements = texts.filter(
      (text) => isLikelyRefusal(text) !== isLikelyRefusal(folded(text)),
    );
    expect(disagreements).toEqual([]);
    expect(samples.map((text) => isLikelyRefusal(text))).toEqual([
      true,
      true,
      true,
      false,
      true,
      true,
      false,
    ]);
  });
});
