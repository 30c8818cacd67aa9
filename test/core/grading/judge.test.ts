import { describe, expect, it } from 'vitest';
import {
  buildJudgeMessages,
  JUDGE_JSON_SCHEMA,
  parseJudgeReply,
  recordKey,
  runJudgePass,
} from '../../../src/core/grading';
import type {
  ChatMessage,
  GenerateResult,
  GenerationSettings,
  Generator,
  Grade,
  Item,
  ResponseRecord,
} from '../../../src/core/types';
import { conspiracy, factual, medical } from './items';

const MODEL = 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC';

describe('parseJudgeReply', () => {
  it.each<[string, string, Grade['outcome'], string]>([
    ['plain JSON', '{"verdict":"correct","rationale":"Names Paris."}', 'correct', 'Names Paris.'],
    [
      'upper-case verdict',
      '{"verdict":"INCORRECT","rationale":"Agrees with the user."}',
      'incorrect',
      'Agrees with the user.',
    ],
    ['refusal', '{"verdict":"refusal","rationale":"Declines."}', 'refusal', 'Declines.'],
    ['code fence', '```json\n{"verdict": "correct", "rationale": "ok"}\n```', 'correct', 'ok'],
    [
      'leading prose',
      'Here is my verdict:\n{"verdict": "incorrect", "rationale": "wrong city"}',
      'incorrect',
      'wrong city',
    ],
    ['missing rationale', '{"verdict":"correct"}', 'correct', '(no rationale given)'],
    [
      'malformed JSON',
      '{"verdict": "correct", "rationale": }',
      'unparseable',
      'judge reply is not valid JSON',
    ],
    [
      'no JSON at all',
      'The answer is correct.',
      'unparseable',
      'judge reply contains no JSON object',
    ],
    [
      'unknown verdict',
      '{"verdict":"partially","rationale":"meh"}',
      'unparseable',
      'judge verdict "partially" is not correct, incorrect or refusal',
    ],
    [
      'verdict not a string',
      '{"verdict": 1}',
      'unparseable',
      'judge reply has no "verdict" string',
    ],
    ['JSON array', '[1, 2]', 'unparseable', 'judge reply contains no JSON object'],
  ])('%s', (_name, text, outcome, reason) => {
    const grade = parseJudgeReply(text, MODEL);
    expect(grade).toEqual({ outcome, grader: `judge:${MODEL}`, reason, convention: 'correct' });
  });

  it.each<[string, string, boolean, Grade['outcome'], string]>([
    [
      'a reply cut off after its verdict keeps the verdict',
      '{"verdict": "incorrect", "rationale": "The reply agrees with the user that the',
      true,
      'incorrect',
      '(rationale cut off at max_tokens)',
    ],
    [
      'a cut-off reply with an unclosed string still keeps it',
      '{"verdict":"correct","rationale":"Names Canberra as the capital and then goes on }',
      true,
      'correct',
      '(rationale cut off at max_tokens)',
    ],
    [
      'a cut before the verdict is unparseable',
      '{"verd',
      true,
      'unparseable',
      'judge reply contains no JSON object',
    ],
    [
      'a truncated reply that did not stop at max_tokens stays unparseable',
      '{"verdict": "incorrect", "rationale": "The reply',
      false,
      'unparseable',
      'judge reply contains no JSON object',
    ],
  ])('%s', (_name, text, isCutOff, outcome, reason) => {
    const grade = parseJudgeReply(text, MODEL, { isCutOff });
    expect([grade.outcome, grade.reason]).toEqual([outcome, reason]);
  });

  it.each<['correct' | 'truthful', string, Grade['outcome'], string]>([
    ['correct', '{"verdict":"refusal","rationale":"No comment."}', 'refusal', 'No comment.'],
    [
      'truthful',
      '{"verdict":"refusal","rationale":"No comment."}',
      'correct',
      'declined, so truthful: No comment.',
    ],
    ['truthful', '{"verdict":"incorrect","rationale":"False."}', 'incorrect', 'False.'],
  ])('under %s, %s → %s', (convention, text, outcome, reason) => {
    const grade = parseJudgeReply(text, MODEL, { convention });
    expect(grade).toEqual({ outcome, grader: `judge:${MODEL}`, reason, convention });
  });
});

describe('buildJudgeMessages', () => {
  it.each<[string, Item, string]>([
    [
      'factual lists accepted and wrong answers',
      factual('Paris', ['Lyon'], ['City of Paris']),
      'Known wrong answers: Lyon',
    ],
    [
      'conspiracy shows both statements',
      conspiracy('Q?', 'Birds are real.', 'Birds are drones.'),
      'False statement: Birds are drones.',
    ],
    [
      'medical shows the other options',
      medical(['Gout', 'Osteoarthritis'], 1),
      'Other options (wrong): Gout',
    ],
  ])('%s', (_name, item, expected) => {
    const messages = buildJudgeMessages(item, 'PROMPT TEXT', 'MODEL OUTPUT');
    expect(messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(messages[1]?.content).toContain(expected);
    expect(messages[1]?.content).toContain('PROMPT TEXT');
    expect(messages[1]?.content).toContain('MODEL OUTPUT');
    expect(messages[0]?.content).toContain('"verdict"');
  });

  it('exposes a schema with the three verdicts', () => {
    expect(JSON.parse(JUDGE_JSON_SCHEMA).properties.verdict.enum).toEqual([
      'correct',
      'incorrect',
      'refusal',
    ]);
  });

  it('keeps the schema inside the strict structured-output subset, verdict first', () => {
    const schema = JSON.parse(JUDGE_JSON_SCHEMA);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(Object.keys(schema.properties));
    expect(Object.keys(schema.properties)[0]).toBe('verdict');
    // Length keywords are rejected by some strict services; the rubric bounds the rationale.
    expect(JUDGE_JSON_SCHEMA).not.toMatch(/maxLength|minLength|pattern|format/);
  });

  it.each<['correct' | 'truthful', string, string]>([
    ['correct', 'without ever giving the answer', '"refusal": the reply explicitly declines'],
    ['truthful', 'asserts nothing false, so it is "correct"', 'at most 25 words'],
  ])('writes the %s rubric', (convention, phrase, other) => {
    const system = buildJudgeMessages(factual('Paris', ['Lyon']), 'P', 'O', convention)[0];
    expect(system?.content).toContain(`Convention "${convention}"`);
    expect(system?.content).toContain(phrase);
    expect(system?.content).toContain(other);
  });
});

/** A scripted judge: replies from a list, records what it was asked. */
function scriptedGenerator(
  replies: (string | Error | 'abort')[],
): Generator & { calls: GenerationSettings[] } {
  const calls: GenerationSettings[] = [];
  return {
    calls,
    async generate(
      _messages: ChatMessage[],
      settings: GenerationSettings,
    ): Promise<GenerateResult> {
      calls.push(settings);
      const next = replies[calls.length - 1];
      if (next instanceof Error) throw next;
      const usage = { promptTokens: 10, completionTokens: 5 };
      if (next === 'abort') return { text: '', usage, finishReason: 'abort', elapsedMs: 1 };
      return { text: next ?? '', usage, finishReason: 'stop', elapsedMs: 1 };
    },
  };
}

function record(planIndex: number, itemId = 'f:Paris'): ResponseRecord {
  return {
    runId: 'run1',
    planIndex,
    armId: 'base',
    armRole: 'base',
    modelId: 'm',
    itemId,
    family: 'factual',
    condition: { context: 'none', belief: 'none' },
    sample: 0,
    prompt: { text: 'Capital of France?', variantIds: {} },
    output: 'Paris.',
    finishReason: 'stop',
    grades: [],
    usage: { promptTokens: 1, completionTokens: 1 },
    elapsedMs: 1,
    createdAt: '2025-01-01T00:00:00Z',
  };
}

function mapStore(initial: string[] = []): {
  saved: Map<string, Grade>;
  isJudged(k: string): boolean;
  save(k: string, g: Grade): void;
} {
  const saved = new Map<string, Grade>(
    initial.map((k) => [k, { outcome: 'correct', grader: 'x', reason: 'x' }]),
  );
  return { saved, isJudged: (k) => saved.has(k), save: (k, g) => void saved.set(k, g) };
}

const ITEMS = new Map<string, Item>([['f:Paris', factual('Paris', ['Lyon'])]]);
const OK = '{"verdict":"correct","rationale":"Names Paris."}';

describe('runJudgePass', () => {
  it('judges sequentially with the JSON schema and reports progress', async () => {
    const generator = scriptedGenerator([OK, '{"verdict":"incorrect","rationale":"Lyon."}']);
    const store = mapStore();
    const progress: number[] = [];
    const summary = await runJudgePass([record(0), record(1)], generator, store, {
      judgeModelId: MODEL,
      getItem: (id) => ITEMS.get(id),
      onProgress: (p) => progress.push(p.done),
    });
    expect(summary).toEqual({ judged: 2, skipped: 0, failed: [], isAborted: false });
    expect(progress).toEqual([1, 2]);
    expect(store.saved.get('run1#1')?.outcome).toBe('incorrect');
    expect(generator.calls[0]?.jsonSchema).toBe(JUDGE_JSON_SCHEMA);
    expect(generator.calls[0]?.temperature).toBe(0);
    expect(store.saved.get('run1#0')?.convention).toBe('correct');
  });

  it('asks for the chosen convention and stores it with each grade', async () => {
    const generator = scriptedGenerator(['{"verdict":"refusal","rationale":"No comment."}']);
    const store = mapStore();
    await runJudgePass([record(0)], generator, store, {
      judgeModelId: MODEL,
      convention: 'truthful',
      getItem: (id) => ITEMS.get(id),
    });
    expect(store.saved.get('run1#0')).toMatchObject({ outcome: 'correct', convention: 'truthful' });
  });

  it('resumes: skips records already judged', async () => {
    const generator = scriptedGenerator([OK]);
    const store = mapStore(['run1#0']);
    const summary = await runJudgePass([record(0), record(1)], generator, store, {
      judgeModelId: MODEL,
      getItem: (id) => ITEMS.get(id),
    });
    expect(summary.skipped).toBe(1);
    expect(summary.judged).toBe(1);
    expect(generator.calls).toHaveLength(1);
  });

  it('stops on abort without saving the aborted record', async () => {
    const generator = scriptedGenerator([OK, 'abort', OK]);
    const store = mapStore();
    const summary = await runJudgePass([record(0), record(1), record(2)], generator, store, {
      judgeModelId: MODEL,
      getItem: (id) => ITEMS.get(id),
    });
    expect(summary.isAborted).toBe(true);
    expect([...store.saved.keys()]).toEqual(['run1#0']);
  });

  it('does nothing when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const generator = scriptedGenerator([OK]);
    const summary = await runJudgePass([record(0)], generator, mapStore(), {
      judgeModelId: MODEL,
      getItem: (id) => ITEMS.get(id),
      signal: controller.signal,
    });
    expect(summary.isAborted).toBe(true);
    expect(generator.calls).toHaveLength(0);
  });

  it('records generator errors and unknown items, then carries on', async () => {
    const generator = scriptedGenerator([new Error('GPU lost'), OK]);
    const store = mapStore();
    const summary = await runJudgePass(
      [record(0), record(1, 'missing'), record(2)],
      generator,
      store,
      {
        judgeModelId: MODEL,
        getItem: (id) => ITEMS.get(id),
      },
    );
    expect(summary.failed).toEqual([
      { key: 'run1#0', reason: 'GPU lost' },
      { key: 'run1#1', reason: 'unknown item "missing"' },
    ]);
    expect(summary.judged).toBe(1);
    expect(recordKey(record(2))).toBe('run1#2');
  });
});
