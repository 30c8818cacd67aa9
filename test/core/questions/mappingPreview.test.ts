import { describe, expect, it } from 'vitest';
import type { ColumnMapping, MappedRow } from '../../../src/core/questions';
import {
  MAX_SAMPLE_JSON_BYTES,
  cleanMapping,
  guessMapping,
  previewMapping,
  readMappingSample,
} from '../../../src/core/questions/mappingPreview';

describe('guessMapping', () => {
  it.each<[string[], Partial<ColumnMapping>]>([
    [
      ['qid', 'prompt', 'answer', 'distractors'],
      { id: 'qid', question: 'prompt', answer: 'answer', wrong: 'distractors' },
    ],
    [
      ['Question', 'correct_answer', 'incorrect_answer', 'aliases'],
      {
        question: 'Question',
        answer: 'correct_answer',
        wrong: 'incorrect_answer',
        aliases: 'aliases',
      },
    ],
    [
      ['id', 'question', 'choices', 'answer_idx'],
      { id: 'id', question: 'question', options: 'choices', answerIndex: 'answer_idx' },
    ],
    [['text', 'label_text'], {}],
  ])('%j', (columns, expected) => {
    expect(guessMapping(columns)).toEqual({ family: 'factual', question: '', ...expected });
  });
});

describe('cleanMapping', () => {
  it('drops unset columns but keeps the family and the question', () => {
    const mapping: ColumnMapping = { family: 'medical', question: 'q', answer: '', wrong: 'w' };
    expect(cleanMapping(mapping)).toEqual({ family: 'medical', question: 'q', wrong: 'w' });
  });
});

describe('previewMapping', () => {
  const rows: MappedRow[] = [
    { values: { q: 'What is 2+2?', a: '4', w: '5;3' }, line: 2 },
    { values: { q: 'Capital of France?', a: 'Paris', w: 'Lyon' }, line: 3 },
    { values: { q: 'Largest ocean?', a: '', w: 'Atlantic' }, line: 4 },
    { values: { q: 'Tallest mountain?', a: 'Everest', w: 'K2' }, line: 5 },
    { values: { q: 'Fastest land animal?', a: 'Cheetah', w: 'Lion' }, line: 6 },
  ];

  it('shows the first three items and the rows that would be skipped', () => {
    const preview = previewMapping(
      rows,
      { family: 'factual', question: 'q', answer: 'a', wrong: 'w' },
      'x.csv',
    );
    expect(preview.isOk).toBe(true);
    if (!preview.isOk) return;
    expect(preview.items.map((i) => [i.question, i.correct, i.wrong])).toEqual([
      ['What is 2+2?', '4', ['5', '3']],
      ['Capital of France?', 'Paris', ['Lyon']],
      ['Tallest mountain?', 'Everest', ['K2']],
    ]);
    expect(preview.skipped).toEqual([{ line: 4, reason: 'no question or no correct answer' }]);
    expect(preview.rowsRead).toBe(5);
  });

  it.each<[ColumnMapping, string]>([
    [{ family: 'factual', question: '' }, 'Choose the column with the question.'],
    [{ family: 'factual', question: 'q', options: 'o' }, 'Choose the correct-answer column'],
    [
      { family: 'factual', question: 'q', answer: 'missing' },
      'x.csv: line 2: mapped column(s) not found: missing',
    ],
  ])('explains a mapping that cannot work: %j', (mapping, problem) => {
    const preview = previewMapping(rows, mapping, 'x.csv');
    expect(preview.isOk ? '' : preview.problem).toContain(problem);
  });
});

describe('readMappingSample', () => {
  it('reads the columns and rows of a small CSV', async () => {
    const file = new File(['q,a\nOne?,1\nTwo?,2\n'], 'small.csv');
    const sample = await readMappingSample(file, file.name, 'generic-csv');
    expect(sample.columns).toEqual(['q', 'a']);
    expect(sample.rows.map((r) => [r.line, r.values.q])).toEqual([
      [2, 'One?'],
      [3, 'Two?'],
    ]);
  });

  it('drops the row cut at the end of the head of a big CSV and keeps 50 rows', async () => {
    const body = Array.from({ length: 5000 }, (_, i) => `Question number ${i}?,${i}`).join('\n');
    const file = new File([`q,a\n${body}\n`], 'big.csv');
    const sample = await readMappingSample(file, file.name, 'generic-csv');
    expect(sample.rows).toHaveLength(50);
    expect(sample.rows[49]?.values).toEqual({ q: 'Question number 49?', a: '49' });
  });

  it('reads a JSON array whole and lists every key', async () => {
    const file = new File([JSON.stringify([{ q: 'One?' }, { q: 'Two?', a: '2' }])], 'rows.json');
    const sample = await readMappingSample(file, file.name, 'generic-json');
    expect(sample.columns).toEqual(['q', 'a']);
    expect(sample.rows.map((r) => r.line)).toEqual([1, 2]);
  });

  it('refuses to sample a JSON array over the limit, naming the file', async () => {
    const file = new File([new Uint8Array(MAX_SAMPLE_JSON_BYTES + 1)], 'huge.json');
    await expect(readMappingSample(file, file.name, 'generic-json')).rejects.toThrow(
      'huge.json: a JSON array over 16 MB cannot be mapped; convert it to CSV first',
    );
  });
});
