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
    expect(grade).toEqual({ outcome, grader: `judge:${MODEL}`, reason });
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
