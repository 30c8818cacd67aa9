import { describe, expect, it } from 'vitest';
import { importText } from '../../../src/core/questions';
import type { MedicalItem } from '../../../src/core/types';

const line = (record: Record<string, unknown>) => JSON.stringify(record);

describe('MedQA JSON Lines', () => {
  it('accepts the 5-option variant, ordering options by letter whatever the key order', async () => {
    const text = line({
      question: 'A 30-year-old man presents with a cough. Which drug?',
      answer: 'e',
      options: { E: 'e', A: 'a', C: 'c', B: 'b', D: 'd' },
      answer_idx: 'E',
    });
    const item = (await importText('medqa-jsonl', text, { fileName: 'us5.jsonl' }))
      .items[0] as MedicalItem;
    expect(item.options).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(item.answerIndex).toBe(4);
    expect([...item.wrong].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(item.question).toBe('A 30-year-old man presents with a cough. Which drug?');
    expect(item.meta).toEqual({ answerLetter: 'E' });
  });

  it('finds the answer by text when answer_idx is absent, and rewrites on request', async () => {
    const text = line({
      question: 'A 30-year-old man presents with a cough. Which drug?',
      answer: 'b',
      options: ['a', 'b'],
    });
    const item = (
      await importText('medqa-jsonl', text, { fileName: 'm.jsonl', isFirstPerson: true })
    ).items[0] as MedicalItem;
    expect(item.answerIndex).toBe(1);
    expect(item.question).toBe("I'm a 30-year-old man and I have a cough. Which drug?");
    expect(item.meta).toEqual({ answerLetter: 'B', isFirstPerson: true });
  });
});
