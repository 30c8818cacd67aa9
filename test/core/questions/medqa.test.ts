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

describe('MedQA ids', () => {
  it('are the first words plus a short hash of the whole question, stable across imports', async () => {
    const question =
      'A 1-month-old girl is brought to the pediatrician by her parents. They are concerned.';
    const text = [
      line({ question, answer: 'b', options: ['a', 'b'] }),
      line({ question: `${question} Which test?`, answer: 'a', options: ['a', 'b'] }),
    ].join('\n');
    const first = await importText('medqa-jsonl', text, { fileName: 'm.jsonl' });
    const again = await importText('medqa-jsonl', text, { fileName: 'm.jsonl' });
    const ids = first.items.map((item) => item.id);
    expect(ids[0]).toMatch(/^medqa:a-1-month-old-girl-is-brought-to-[0-9a-f]{6}$/);
    expect(ids[1]).toMatch(/^medqa:a-1-month-old-girl-is-brought-to-[0-9a-f]{6}$/);
    expect(ids[0]).not.toBe(ids[1]);
    expect(again.items.map((item) => item.id)).toEqual(ids);
  });
});
