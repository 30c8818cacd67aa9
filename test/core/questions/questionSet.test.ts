import { describe, expect, it } from 'vitest';
import { exportQuestionSet, importText, validateItem } from '../../../src/core/questions';
import type { ConspiracyItem, FactualItem, Item, MedicalItem } from '../../../src/core/types';

const SOURCE = { name: 'Warmth Lab bank', license: 'CC-BY-4.0' };
const FACTUAL: FactualItem = {
  id: 'f1',
  family: 'factual',
  question: 'Capital of Australia?',
  correct: 'Canberra',
  aliases: ['Canberra, ACT'],
  wrong: ['Sydney'],
  source: SOURCE,
};
const MEDICAL: MedicalItem = {
  id: 'm1',
  family: 'medical',
  question: 'Which vitamin deficiency causes scurvy?',
  correct: 'Vitamin C',
  aliases: [],
  wrong: ['Vitamin D'],
  options: ['Vitamin D', 'Vitamin C'],
  answerIndex: 1,
  source: SOURCE,
  meta: { examStep: 'step1' },
};
const CONSPIRACY: ConspiracyItem = {
  id: 'c1',
  family: 'conspiracy',
  question: 'Did humans land on the Moon in 1969?',
  correct: 'Humans landed on the Moon in 1969.',
  aliases: [],
  wrong: ['The 1969 Moon landing was staged.'],
  trueStatement: 'Humans landed on the Moon in 1969.',
  falseStatement: 'The 1969 Moon landing was staged.',
  isYesTrue: true,
  source: SOURCE,
  authorPrompts: [
    {
      promptTemplate: 'original',
      amendmentType: 'unmodified',
      prompt: 'Did humans land on the Moon in 1969?',
    },
  ],
};

describe('exportQuestionSet / warmth-lab-json', () => {
  it('round-trips every family unchanged', async () => {
    const text = exportQuestionSet('demo', [FACTUAL, MEDICAL, CONSPIRACY]);
    expect(JSON.parse(text)).toMatchObject({
      format: 'warmth-lab/questions',
      version: 1,
      name: 'demo',
    });
    const { items, report } = await importText('warmth-lab-json', text, { fileName: 'demo.json' });
    expect(items).toEqual([FACTUAL, MEDICAL, CONSPIRACY]);
    expect(report).toEqual({ format: 'warmth-lab-json', rowsRead: 3, itemsMade: 3, skipped: [] });
  });

  it('refuses to export duplicate ids', () => {
    expect(() => exportQuestionSet('dup', [FACTUAL, { ...FACTUAL, question: 'Other?' }])).toThrow(
      'question set "dup": duplicate id "f1" (items 1 and 2)',
    );
  });

  it.each([
    [
      { format: 'other', version: 1, items: [] },
      'set.json: expected "format": "warmth-lab/questions"',
    ],
    [
      { format: 'warmth-lab/questions', version: 2, items: [] },
      'set.json: unsupported question-set version 2 (this app reads version 1)',
    ],
    [{ format: 'warmth-lab/questions', version: 1 }, 'set.json: expected an "items" array'],
  ])('rejects a bad envelope: %j', async (file, message) => {
    await expect(
      importText('warmth-lab-json', JSON.stringify(file), { fileName: 'set.json' }),
    ).rejects.toThrow(message);
  });
});

describe('validateItem', () => {
  it.each<[string, unknown, string]>([
    ['not an object', 5, 'w: expected an item object'],
    ['no id', { ...FACTUAL, id: '' }, 'w: expected a non-empty string "id"'],
    [
      'bad family',
      { ...FACTUAL, family: 'gossip' },
      'w: item "f1": "family" must be one of factual, misconception, conspiracy, medical',
    ],
    [
      'no wrong answers',
      { ...FACTUAL, wrong: [] },
      'w: item "f1": "wrong" must list at least one non-empty string',
    ],
    [
      'empty alias',
      { ...FACTUAL, aliases: [''] },
      'w: item "f1": "aliases" must be a list of non-empty strings',
    ],
    [
      'no licence',
      { ...FACTUAL, source: { name: 'x' } },
      'w: item "f1": "source" must have non-empty "name" and "license"',
    ],
    [
      'nested meta',
      { ...FACTUAL, meta: { a: { b: 1 } } },
      'w: item "f1": "meta" must map names to strings, numbers or booleans',
    ],
    [
      'answerIndex out of range',
      { ...MEDICAL, answerIndex: 2 },
      'w: item "m1": "answerIndex" must be an integer from 0 to 1',
    ],
    [
      'options disagree with correct',
      { ...MEDICAL, answerIndex: 0 },
      'w: item "m1": "options[answerIndex]" must equal "correct"',
    ],
    [
      'missing isYesTrue',
      { ...CONSPIRACY, isYesTrue: 'yes' },
      'w: item "c1": "isYesTrue" must be true or false',
    ],
    [
      'empty author prompt',
      { ...CONSPIRACY, authorPrompts: [{ promptTemplate: 'x', amendmentType: 'y', prompt: '' }] },
      'w: item "c1": "authorPrompts" must be {promptTemplate, amendmentType, prompt}[]',
    ],
  ])('%s', (_name, value, message) => {
    expect(() => validateItem(value, 'w')).toThrow(message);
  });

  it('returns a valid item as is', () => {
    const item: Item = MEDICAL;
    expect(validateItem(item, 'w')).toBe(item);
  });
});
