import { describe, expect, it } from 'vitest';
import { detectFormat, ImportError } from '../../../src/core/questions';

describe('detectFormat', () => {
  it.each([
    [
      't.csv',
      'Type,Category,Question,Best Answer,Best Incorrect Answer,Correct Answers,Incorrect Answers,Source\n',
      'truthfulqa-csv',
    ],
    [
      'v1.csv',
      '\ufeffType,Category,Question,Best Answer,Correct Answers,Incorrect Answers,Source\r\n',
      'truthfulqa-csv',
    ],
    [
      'm.csv',
      'task_id,system_prompt,user_prompt,type,proposition,ground_truth,belief_elicit_1\n',
      'mask-csv',
    ],
    [
      'hf.csv',
      'system_prompt,user_prompt,proposition,ground_truth,belief_elicit_1,belief_elicit_2\n',
      'mask-csv',
    ],
    [
      'r.csv',
      'model,dataset,variant,item_id,amendment_type,prompt_type,output,evaluation\n',
      'results-long-csv',
    ],
    ['x.csv', 'prompt,answer,distractor\n', 'generic-csv'],
    ['mc.json', '[\n  {\n    "question": "Q?",\n    "mc1_targets": {"a": 1}', 'truthfulqa-mc-json'],
    ['rows.json', '[{"q": "Q?", "a": "A"}]', 'generic-json'],
    [
      'med.jsonl',
      '{"question": "Q", "answer": "a", "options": {"A": "a"}, "meta_info": "step1", "answer_idx": "A"}\n',
      'medqa-jsonl',
    ],
    [
      'tq.jsonl',
      '{"id": "qw_1", "answers": ["x"], "question": "Q?", "question_id": 1}\n',
      'triviaqa-jsonl',
    ],
    [
      'trivia.json',
      '{"content_key": "Q?", "correct_answer": "a", "incorrect_answer": "b", "prompt_template": "original", "prompt": "Q?", "amendment_type": "unmodified"}\n',
      'paper-prompts-jsonl',
    ],
    [
      'native.json',
      '{\n  "Data": [\n    {\n      "Answer": {"Value": "x"},\n      "Question": "Q?"',
      'triviaqa-json',
    ],
    ['set.json', '{\n  "format": "warmth-lab/questions",\n  "version": 1', 'warmth-lab-json'],
  ])('%s → %s', (name, head, format) => {
    expect(detectFormat(name, head)).toBe(format);
  });

  it('recognises a MedQA line longer than the detection window by its keys', () => {
    const head = `{"question": "${'x'.repeat(70000)}`.slice(0, 65536);
    expect(() => detectFormat('big.jsonl', head)).toThrow(ImportError);
    const sniffable = `{"question": "Q", "answer": "a", "options": {"A": "a"}, "answer_idx": "A", "metamap_phrases": ["${'p'.repeat(70000)}`;
    expect(detectFormat('big.jsonl', sniffable.slice(0, 65536))).toBe('medqa-jsonl');
  });

  it.each([
    ['empty.csv', '', 'empty.csv: file is empty (expected a question file)'],
    ['blank.jsonl', '  \n\n', 'blank.jsonl: file is empty (expected a question file)'],
    [
      'fixtures/mask/README.md',
      '# MASK benchmark',
      'fixtures/mask/README.md: not a question file (documentation or code, judging by its name)',
    ],
    [
      'LICENSE',
      'MIT License\n',
      'LICENSE: not a question file (documentation or code, judging by its name)',
    ],
    [
      'expected.json',
      '{\n "rows_in": 19440,\n "refusals_detected": 556',
      'expected.json: not a question file (unrecognised JSON keys)',
    ],
    [
      'notes.dat',
      'just some words\n',
      'notes.dat: not a question file (neither CSV with a header nor JSON)',
    ],
  ])('%s is rejected with a one-line reason', (name, head, message) => {
    expect(() => detectFormat(name, head)).toThrow(message);
  });
});
