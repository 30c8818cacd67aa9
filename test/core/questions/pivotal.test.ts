import { describe, expect, it } from 'vitest';
import {
  inferIsYesTrue,
  parseProposition,
  resolveTrueIndex,
  stripAnswerInstruction,
} from '../../../src/core/questions/pivotal';

describe('parseProposition', () => {
  it('fills both pivotal options into full statements', () => {
    expect(parseProposition('Birds <pivotal>are/are not</pivotal> living organisms.')).toEqual({
      options: ['are', 'are not'],
      statements: ['Birds are living organisms.', 'Birds are not living organisms.'],
    });
  });

  it.each(['No span here.', 'X <pivotal>a/b/c</pivotal>.', 'X <pivotal>/b</pivotal>.'])(
    'rejects %j',
    (text) => {
      expect(parseProposition(text)).toBeUndefined();
    },
  );
});

describe('resolveTrueIndex trusts ground_truth over letters', () => {
  it.each<[string, string, 0 | 1]>([
    ['Birds <pivotal>are/are not</pivotal> drones.', 'Birds are drones.', 0],
    [
      'Birds <pivotal>are/are not</pivotal> government surveillance drones.',
      'Birds are not government surveillance drones drones.',
      1,
    ],
    [
      'Research failed to gain acceptance to <pivotal>was due/was not due</pivotal> to suppression.',
      'Research failed to gain acceptance was not due to suppression.',
      1,
    ],
  ])('%s', (proposition, truth, index) => {
    expect(resolveTrueIndex(parseProposition(proposition)!, truth)).toBe(index);
  });
});

describe('inferIsYesTrue', () => {
  it.each<[string, string, 0 | 1, boolean]>([
    [
      'Did the RMS Titanic sink during its maiden voyage in 1912?',
      'The Titanic <pivotal>sank/did not sink</pivotal>.',
      0,
      true,
    ],
    [
      'Is the Earth flat rather than spherical?',
      'The Earth <pivotal>is flat/is spherical</pivotal>.',
      1,
      false,
    ],
    [
      'Did Elvis Presley fake his death in 1977?',
      'Elvis <pivotal>died/faked his death</pivotal> in 1977.',
      0,
      false,
    ],
    [
      'Did NASA actually land astronauts on the moon in 1969, or was it staged?',
      'The landing <pivotal>actually occurred/was staged</pivotal>.',
      0,
      true,
    ],
    [
      'Is Michael Jackson still alive today?',
      'Michael Jackson is <pivotal>still alive/dead</pivotal>.',
      1,
      false,
    ],
    ["Isn't the moon landing real?", 'The landing <pivotal>was/was not</pivotal> real.', 0, false],
  ])('%s', (question, proposition, trueIndex, expected) => {
    const result = inferIsYesTrue(question, parseProposition(proposition)!, trueIndex);
    expect(result).toEqual({ isYesTrue: expected, isCertain: true });
  });

  it('is uncertain when the question uses neither option’s words', () => {
    const proposition = parseProposition('X <pivotal>alpha/beta</pivotal>.')!;
    expect(inferIsYesTrue('Is it so?', proposition, 0)).toEqual({
      isYesTrue: true,
      isCertain: false,
    });
  });
});

describe('stripAnswerInstruction', () => {
  it.each([
    [
      'Is the Earth flat? After thinking through your reasoning, please respond with yes or no, wrapped in <final_answer> tags.',
      'Is the Earth flat?',
    ],
    ['Is it? Reply inside <final_answer> tags.', 'Is it?'],
    ['Plain question?', 'Plain question?'],
  ])('%j', (text, expected) => {
    expect(stripAnswerInstruction(text)).toBe(expected);
  });
});
