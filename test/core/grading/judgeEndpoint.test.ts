/**
 * The judge pass on an OpenAI-compatible endpoint: the real `OpenAiEngine` against a real local
 * HTTP server that rejects schemas outside the strict structured-output subset, as OpenAI does.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runJudgePass } from '../../../src/core/grading';
import type { Grade, ResponseRecord } from '../../../src/core/types';
import { OpenAiEngine } from '../../../src/engine/openaiEngine';
import type { ChatBody, TestServer } from '../../engine/support/openaiServer';
import { startOpenAiServer } from '../../engine/support/openaiServer';
import { factual } from './items';

/** Why a strict structured-output service would reject this schema, or null if it accepts it. */
function strictProblem(schema: Record<string, unknown>): string | null {
  if (schema.type !== 'object') return null;
  const properties = Object.keys((schema.properties ?? {}) as object);
  if (schema.additionalProperties !== false) return "'additionalProperties' must be false";
  const required = (schema.required ?? []) as string[];
  if (properties.some((p) => !required.includes(p))) return "'required' must list every property";
  if (/"(maxLength|minLength)"/.test(JSON.stringify(schema))) return 'length keywords unsupported';
  return null;
}

function rejectLoose(body: ChatBody): [number, string] | null {
  const format = body.response_format as { json_schema?: { schema: Record<string, unknown> } };
  const problem = format?.json_schema ? strictProblem(format.json_schema.schema) : 'no schema';
  return problem === null
    ? null
    : [400, JSON.stringify({ error: { message: `Invalid schema: ${problem}` } })];
}

const RECORD: ResponseRecord = {
  runId: 'run1',
  planIndex: 0,
  armId: 'warm',
  armRole: 'warm',
  modelId: 'm',
  itemId: 'f:Paris',
  family: 'factual',
  condition: { context: 'none', belief: 'none' },
  sample: 0,
  prompt: { text: 'Capital of France?', variantIds: {} },
  output: "I'd rather not guess.",
  finishReason: 'stop',
  grades: [],
  usage: { promptTokens: 1, completionTokens: 1 },
  elapsedMs: 1,
  createdAt: '2025-01-01T00:00:00Z',
};

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('judge pass on an OpenAI-compatible endpoint', () => {
  it('passes a strict schema check and stores the truthful verdict', async () => {
    server = await startOpenAiServer({
      models: ['judge-model'],
      tokenDelayMs: 0,
      fail: rejectLoose,
      reply: () => '{"verdict":"refusal","rationale":"Declines to name a city."}',
    });
    const engine = new OpenAiEngine({ baseUrl: server.baseUrl, pageOrigin: 'http://localhost' });
    await engine.load('judge-model');
    const saved = new Map<string, Grade>();
    const summary = await runJudgePass(
      [RECORD],
      engine,
      {
        isJudged: () => false,
        save: (key, grade) => void saved.set(key, grade),
      },
      {
        judgeModelId: 'endpoint:ollama',
        convention: 'truthful',
        getItem: () => factual('Paris', ['Lyon']),
      },
    );
    expect(summary).toEqual({ judged: 1, skipped: 0, failed: [], isAborted: false });
    expect(saved.get('run1#0')).toMatchObject({
      outcome: 'correct',
      grader: 'judge:endpoint:ollama',
      reason: 'declined, so truthful: Declines to name a city.',
      convention: 'truthful',
    });
    const body = server.bodies[0];
    expect(body?.messages[0]?.content).toContain('Convention "truthful"');
    expect(body?.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { strict: true },
    });
  });

  it('would be refused by the server with a loose schema (the check can fail)', () => {
    const loose = { type: 'object', properties: { verdict: { type: 'string' } } };
    expect(strictProblem(loose)).toBe("'additionalProperties' must be false");
    expect(strictProblem({ ...loose, additionalProperties: false })).toBe(
      "'required' must list every property",
    );
  });
});
