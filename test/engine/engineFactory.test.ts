import { describe, expect, it } from 'vitest';
import {
  createEngine,
  ENGINE_OVERRIDE_KEY,
  getEngineOverride,
  isScriptedAvailable,
} from '../../src/engine/engineFactory';
import { getSharedWorkerEngine, WorkerEngine } from '../../src/engine/workerEngine';

const storage = (value: string | null) => ({
  getItem: (key: string) => (key === ENGINE_OVERRIDE_KEY ? value : null),
});

describe('createEngine', () => {
  it('returns the shared web-llm engine by default, without starting a worker', async () => {
    const engine = await createEngine('webllm');
    expect(engine).toBe(getSharedWorkerEngine());
    expect(engine.kind).toBe('webllm');
    expect(engine.loadedModelId).toBeNull();
    expect(await createEngine('webllm', {})).toBeInstanceOf(WorkerEngine);
  });

  it('builds an OpenAI-compatible engine labelled with its endpoint', async () => {
    const engine = await createEngine('openai', { baseUrl: 'http://localhost:11434/v1/' });
    expect([engine.kind, engine.label]).toEqual([
      'openai',
      'OpenAI-compatible endpoint (http://localhost:11434/v1)',
    ]);
  });
});

// vitest runs in mode "test", where vite.config.ts defines __SCRIPTED_ENGINE__ as true.
describe.skipIf(!isScriptedAvailable())('scripted engine in a test build', () => {
  it('is created through a dynamic import and answers from its script', async () => {
    const engine = await createEngine('scripted', { script: [{ user: 'ping', reply: 'pong' }] });
    expect(engine.label).toContain('scripted test engine');
    await engine.load('any');
    expect(
      (await engine.generate([{ role: 'user', content: 'ping' }], { temperature: 0, maxTokens: 5 }))
        .text,
    ).toBe('pong');
  });

  it.each([
    ['?engine=scripted', null, 'scripted'],
    ['?lang=en&engine=scripted', null, 'scripted'],
    ['', 'scripted', 'scripted'],
    ['?engine=webllm', null, null],
    ['', 'webllm', null],
    ['', null, null],
  ])('override for search %j and stored %j is %j', (search, stored, expected) => {
    expect(getEngineOverride(search, storage(stored))).toBe(expected);
  });
});
