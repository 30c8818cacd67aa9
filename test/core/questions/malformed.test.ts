import { describe, expect, it } from 'vitest';
import {
  decodeUtf8Chunks,
  importChunks,
  importText,
  ImportError,
} from '../../../src/core/questions';
import type { FormatId } from '../../../src/core/questions';

const TQA_HEADER = 'Type,Category,Question,Best Answer,Correct Answers,Incorrect Answers,Source\n';
const MEDQA_LINE = (q: string) =>
  JSON.stringify({
    question: q,
    answer: 'b',
    options: { A: 'a', B: 'b', C: 'c', D: 'd' },
    meta_info: 'step1',
    answer_idx: 'B',
  });

async function importError(format: FormatId, text: string, fileName = 'bad.file'): Promise<string> {
  try {
    await importText(format, text, { fileName });
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as Error).message;
  }
  throw new Error('expected the import to fail');
}

describe('fatal input problems name the file, the line and what was expected', () => {
  it.each<[string, FormatId, string, string]>([
    ['empty CSV', 'truthfulqa-csv', '', 'bad.file: file is empty (expected a CSV header row)'],
    ['empty JSON', 'truthfulqa-mc-json', '', 'bad.file: file is empty (expected JSON)'],
    [
      'header only',
      'truthfulqa-csv',
      TQA_HEADER,
      'bad.file: no rows found (expected at least one question)',
    ],
    [
      'missing columns',
      'truthfulqa-csv',
      'Type,Question,Best Answer\nA,Q?,yes\n',
      'bad.file: line 1: missing column(s) "Correct Answers", "Incorrect Answers"; found Type, Question, Best Answer',
    ],
    [
      'MASK without ground_truth',
      'mask-csv',
      'proposition,belief_elicit_1\nx,y\n',
      'bad.file: line 1: missing column(s) "ground_truth"; found proposition, belief_elicit_1',
    ],
    [
      'ragged CSV row',
      'truthfulqa-csv',
      `${TQA_HEADER}A,B,Q?\n`,
      'bad.file: line 2: CSV: expected 7 fields',
    ],
    [
      'unterminated quote',
      'truthfulqa-csv',
      `${TQA_HEADER}A,B,"Q?,x,y,z,s\n`,
      'bad.file: line 2: CSV: unterminated quoted field (file truncated?)',
    ],
    [
      'truncated JSON array',
      'truthfulqa-mc-json',
      '[\n  {"question": "Q?",\n   "mc1_targets": {"a": 1',
      'bad.file: line 3: JSON ends early (file truncated?)',
    ],
    [
      'bad JSON token',
      'truthfulqa-mc-json',
      '[\n  {"question": "Q?",,}\n]',
      'bad.file: line 2: invalid JSON at column',
    ],
    [
      'truncated JSON line',
      'medqa-jsonl',
      `${MEDQA_LINE('Q1')}\n${MEDQA_LINE('Q2').slice(0, 40)}`,
      'bad.file: line 2: invalid JSON',
    ],
    [
      'JSONL line not an object',
      'medqa-jsonl',
      `${MEDQA_LINE('Q1')}\n[1,2]\n`,
      'bad.file: line 2: expected a JSON object on this line',
    ],
    [
      'MedQA keys missing',
      'medqa-jsonl',
      '{"question": "Q"}\n',
      'bad.file: line 1: missing key(s) answer, options; expected a MedQA record',
    ],
    [
      'results table',
      'results-long-csv',
      'model,dataset,variant,item_id\n',
      'bad.file: a results table (model outputs), not a question file',
    ],
    [
      'generic CSV without mapping',
      'generic-csv',
      'q,a\nx,y\n',
      'bad.file: unrecognised columns: choose which column',
    ],
    ['unknown format', 'nope' as FormatId, 'x', 'bad.file: unknown format "nope"'],
  ])('%s', async (_name, format, text, message) => {
    expect(await importError(format, text)).toContain(message);
  });

  it.each<[string, FormatId, string, string]>([
    [
      'TriviaQA ids',
      'triviaqa-jsonl',
      '{"id": "q1", "answers": ["a"], "question": "Q1?"}\n{"id": "q2", "answers": ["b"], "question": "Q2?"}\n{"id": "q1", "answers": ["c"], "question": "Q3?"}\n',
      'bad.file: duplicate id "q1" (first on line 1, again on line 3)',
    ],
    [
      'MASK task ids',
      'mask-csv',
      'task_id,proposition,ground_truth,belief_elicit_1\nt1,X <pivotal>is/is not</pivotal> red.,X is red.,Is X red?\nt1,Y <pivotal>is/is not</pivotal> red.,Y is red.,Is Y red?\n',
      'bad.file: duplicate id "t1" (first on line 2, again on line 3)',
    ],
    [
      'question-set items',
      'warmth-lab-json',
      JSON.stringify({
        format: 'warmth-lab/questions',
        version: 1,
        name: 'd',
        items: [1, 2].map(() => ({
          id: 'same',
          family: 'factual',
          question: 'Q?',
          correct: 'a',
          aliases: [],
          wrong: ['b'],
          source: { name: 's', license: 'MIT' },
        })),
      }),
      'bad.file: duplicate id "same" (first on element 1, again on element 2)',
    ],
  ])('duplicate %s name the id and both positions', async (_name, format, text, message) => {
    expect(await importError(format, text)).toBe(message);
  });

  it('paper prompt lines that disagree on the answer are fatal, naming both lines', async () => {
    const line = (answer: string) =>
      JSON.stringify({
        content_key: 'Q?',
        correct_answer: answer,
        incorrect_answer: 'x',
        prompt_template: 'original',
        prompt: 'Q?',
        amendment_type: 'unmodified',
      });
    const message = await importError(
      'paper-prompts-jsonl',
      `${line('a')}\n${line('b')}\n`,
      'trivia.json',
    );
    expect(message).toBe('trivia.json: line 2: answers for "Q?" differ from line 1');
  });

  it('paper prompt files of unknown family ask for one', async () => {
    const line = JSON.stringify({
      content_key: 'Q?',
      correct_answer: 'a',
      incorrect_answer: 'b',
      prompt_template: 'original',
      prompt: 'Q?',
      amendment_type: 'unmodified',
    });
    expect(await importError('paper-prompts-jsonl', line, 'prompts.jsonl')).toContain(
      'cannot tell trivia from truthfulqa',
    );
    const ok = await importText('paper-prompts-jsonl', line, {
      fileName: 'prompts.jsonl',
      family: 'misconception',
    });
    expect(ok.items[0]?.family).toBe('misconception');
  });
});

describe('legitimately unusable rows are skipped with line and reason', () => {
  it('MedQA: answer not among options, answer_idx pointing elsewhere', async () => {
    const text = [
      MEDQA_LINE('Fine'),
      JSON.stringify({
        question: 'Q2',
        answer: 'zzz',
        options: { A: 'a', B: 'b' },
        answer_idx: 'B',
      }),
      JSON.stringify({ question: 'Q3', answer: 'zzz', options: { A: 'a', B: 'b' } }),
    ].join('\n');
    const { items, report } = await importText('medqa-jsonl', text, { fileName: 'm.jsonl' });
    expect(items.map((i) => i.question)).toEqual(['Fine']);
    expect(report.skipped).toEqual([
      { line: 2, reason: 'answer text differs from option B' },
      { line: 3, reason: 'answer is not among the options' },
    ]);
  });

  it('TruthfulQA: a row without incorrect answers', async () => {
    const text = `${TQA_HEADER}A,C,Q1?,Yes,Yes; Sure,No; Nope,s\nA,C,Q2?,Yes,Yes,,s\n`;
    const { report } = await importText('truthfulqa-csv', text, { fileName: 't.csv' });
    expect(report).toEqual({
      format: 'truthfulqa-csv',
      rowsRead: 2,
      itemsMade: 1,
      skipped: [{ line: 3, reason: 'no Incorrect Answers' }],
    });
  });
});

async function* bytes(...parts: number[][]): AsyncIterable<Uint8Array> {
  for (const part of parts) yield new Uint8Array(part);
}

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

describe('decodeUtf8Chunks', () => {
  it('decodes multi-byte characters split across chunks', async () => {
    // "é" is C3 A9 and "€" is E2 82 AC; both straddle chunk edges here.
    expect(
      await collect(decodeUtf8Chunks(bytes([0x61, 0xc3], [0xa9, 0xe2, 0x82], [0xac]), 'f')),
    ).toBe('aé€');
  });

  it.each([
    [
      'a lone continuation byte',
      [[0x61, 0x62, 0x80, 0x63]],
      'f.csv: invalid UTF-8 at byte 2 (expected UTF-8 text)',
    ],
    [
      'Latin-1 "é" in the second chunk',
      [
        [0x61, 0x62],
        [0x63, 0xe9, 0x2c],
      ],
      'f.csv: invalid UTF-8 at byte 3 (expected UTF-8 text)',
    ],
    [
      'a sequence broken across chunks',
      [[0x61, 0xe2, 0x82], [0x41]],
      'f.csv: invalid UTF-8 at byte 1 (expected UTF-8 text)',
    ],
    [
      'a character cut at the end',
      [[0x61, 0xe2, 0x82]],
      'f.csv: invalid UTF-8 at byte 3 (file ends inside a character)',
    ],
  ])('%s is reported with its byte offset', async (_name, parts, message) => {
    await expect(collect(decodeUtf8Chunks(bytes(...parts), 'f.csv'))).rejects.toThrow(message);
  });

  it('feeds importChunks directly', async () => {
    const encoded = Array.from(new TextEncoder().encode(`${MEDQA_LINE('Qé')}\n`));
    const result = await importChunks(
      'medqa-jsonl',
      decodeUtf8Chunks(bytes(encoded.slice(0, 15), encoded.slice(15)), 'm'),
      { fileName: 'm' },
    );
    expect(result.items[0]?.question).toBe('Qé');
  });
});
