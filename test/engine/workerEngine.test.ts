import { afterEach, describe, expect, it } from 'vitest';
import { connectWorkerEngine } from './support/channel';
import type { ConnectedEngine } from './support/channel';
import { createFakeWebLlm, record, WEBLLM_MODEL_NOT_LOADED } from './support/fakeWebLlm';
import { isDeviceLossError } from '../../src/engine/errors';
import type { FakeWebLlmOptions } from './support/fakeWebLlm';
import { WorkerEngine } from '../../src/engine/workerEngine';
import type { WorkerPort } from '../../src/engine/workerEngine';
import type { LoadProgress } from '../../src/engine/engine';

const MODEL = 'Qwen3-0.6B-q4f32_1-MLC';
const SETTINGS = {
  temperature: 0.7,
  maxTokens: 64,
  seed: 7,
  topLogprobs: 2,
  jsonSchema: '{"type":"object"}',
};
const ask = (content: string) => [{ role: 'user' as const, content }];

let connected: ConnectedEngine | null = null;
function connect(options: Partial<FakeWebLlmOptions> = {}) {
  const fake = createFakeWebLlm({ models: [MODEL, 'other-cached'], ...options });
  connected = connectWorkerEngine(fake.binding);
  return { engine: connected.engine, log: fake.log, connection: connected };
}
afterEach(() => {
  connected?.close();
  connected = null;
});

describe('WorkerEngine over the worker handler', () => {
  it('creates the worker lazily, on the first request only', async () => {
    const { engine, connection } = connect();
    expect(connection.workersCreated()).toBe(0);
    await engine.unload();
    await expect(engine.generate(ask('hi'), SETTINGS)).rejects.toMatchObject({
      name: 'ModelNotLoadedError',
    });
    expect(connection.workersCreated()).toBe(0);
    await engine.load(MODEL);
    await engine.generate(ask('hi'), SETTINGS);
    expect(connection.workersCreated()).toBe(1);
  });

  it('parses web-llm progress text into bytes and a monotonic overall fraction', async () => {
    const { engine } = connect();
    const progress: LoadProgress[] = [];
    await engine.load(MODEL, { onProgress: (p) => progress.push(p) });
    expect(progress.map((p) => p.fraction)).toEqual([0.3, 0.6, 0.999, 1, 1]);
    expect(progress.map((p) => p.phase)).toEqual([
      'download',
      'download',
      'compile-shaders',
      'ready',
      'ready',
    ]);
    expect(progress[0]?.loadedBytes).toBe(10 * 1024 * 1024);
    expect(progress[0]?.totalBytes).toBe(20 * 1024 * 1024);
    expect(progress.at(-1)?.text).toBe('Model ready.');
  });

  it('maps per-request settings onto the web-llm request', async () => {
    const { engine, log } = connect();
    await engine.load(MODEL);
    await engine.generate(ask('hi'), SETTINGS);
    expect(log.requests[0]).toMatchObject({
      model: MODEL,
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.7,
      max_tokens: 64,
      seed: 7,
      logprobs: true,
      top_logprobs: 2,
      response_format: { type: 'json_object', schema: '{"type":"object"}' },
      extra_body: { enable_thinking: false },
    });
  });

  it('reports web-llm usage.extra rates', async () => {
    const { engine } = connect();
    await engine.load(MODEL);
    const result = await engine.generate(ask('one two three'), SETTINGS);
    expect(result.usage).toEqual({
      promptTokens: 12,
      completionTokens: 4,
      prefillTokensPerSecond: 250,
      decodeTokensPerSecond: 40,
    });
  });

  it('cancels a load: the worker unloads and the promise rejects with AbortError', async () => {
    const { engine, log } = connect({ reloadMode: 'hang-until-unload' });
    const controller = new AbortController();
    const loading = engine.load(MODEL, {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(loading).rejects.toMatchObject({
      name: 'AbortError',
      message: 'Model load cancelled.',
    });
    expect(log.unloads).toBe(1);
    expect(engine.loadedModelId).toBeNull();
  });

  it('terminates a worker that does not confirm a cancelled load in time', async () => {
    const { engine, connection } = connect({ reloadMode: 'ignore-unload' });
    const controller = new AbortController();
    const loading = engine.load(MODEL, {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(loading).rejects.toMatchObject({ name: 'AbortError' });
    expect(connection.terminations()).toBe(1);
  });

  it('aborts a queued generation without touching the running one', async () => {
    const { engine, log } = connect({ tokenDelayMs: 5 });
    await engine.load(MODEL);
    const controller = new AbortController();
    const first = engine.generate(ask('a b c d e f'), SETTINGS);
    const second = engine.generate(ask('queued'), SETTINGS, undefined, controller.signal);
    controller.abort();
    const [firstResult, secondResult] = await Promise.all([first, second]);
    expect(firstResult).toMatchObject({ text: 'echo: a b c d e f', finishReason: 'stop' });
    expect(secondResult).toMatchObject({ text: '', finishReason: 'abort' });
    expect(log.interrupts).toBe(0);
    expect(log.requests).toHaveLength(1);
  });

  it('explains a failed download as NetworkError', async () => {
    const { binding } = createFakeWebLlm({ models: [MODEL] });
    const original = binding.createEngine;
    binding.createEngine = (onProgress) => ({
      ...original(onProgress),
      reload: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    connected = connectWorkerEngine(binding);
    const error = (await connected.engine.load(MODEL).catch((e: unknown) => e)) as Error;
    expect(error.name).toBe('NetworkError');
    expect(error.message).toBe(
      `Could not download the files of ${MODEL}: the network is unavailable or the host blocked the request ` +
        '(Failed to fetch). Check the connection and try again; finished files stay cached.',
    );
  });

  it('reports an unknown model as a named error from web-llm', async () => {
    const { engine } = connect();
    await expect(engine.load('nope')).rejects.toMatchObject({ name: 'ModelNotFoundError' });
  });

  it('sends custom records with the load, replacing a prebuilt record with the same id', async () => {
    const { engine, log } = connect();
    const custom = { ...record(MODEL), model: 'https://huggingface.co/me/custom' };
    engine.setCustomModels([custom, record('mine')]);
    await engine.load('mine');
    const list = log.modelLists[0] ?? [];
    expect(list.map((r) => r.model_id)).toEqual(['other-cached', MODEL, 'mine']);
    expect(list.find((r) => r.model_id === MODEL)?.model).toBe('https://huggingface.co/me/custom');
  });

  it('serves the catalog and cache queries through the worker', async () => {
    const { engine } = connect();
    const catalog = await engine.listCatalog();
    expect(catalog.modelVersion).toBe('fake-0');
    expect(catalog.entries.map((e) => e.id)).toEqual([MODEL]);
    expect(await engine.getCacheStatus(['other-cached', MODEL, 'unknown'])).toEqual({
      'other-cached': true,
      [MODEL]: false,
      unknown: false,
    });
    await expect(engine.deleteCachedModel(MODEL)).resolves.toBeUndefined();
  });
});

describe('WorkerEngine on real GPUs (issue 13)', () => {
  it('refuses answers from a model other than the one requested, including one cut by a reload', async () => {
    const { engine, log } = connect({ tokenDelayMs: 5 });
    await engine.load(MODEL);
    const running = engine.generate(ask('a b c d e f g h'), SETTINGS).catch((e: unknown) => e);
    const queued = engine.generate(ask('queued'), SETTINGS).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 8));
    await engine.load('other-cached');
    const [cut, refused] = (await Promise.all([running, queued])) as Error[];
    expect(cut).toMatchObject({ name: 'ModelMismatchError' });
    expect(cut?.message).toBe(
      `Another model was loaded while ${MODEL} was answering; the cut-off answer was dropped ` +
        'rather than stored under the wrong model.',
    );
    expect(refused).toMatchObject({ name: 'ModelMismatchError' });
    expect(refused?.message).toMatch(
      `requested from ${MODEL}, but other-cached is being loaded now`,
    );
    expect(log.requests.map((r) => r.model)).toEqual([MODEL]);
  });

  it('finishes a cancel even when the worker never answers: partial text, worker stopped', async () => {
    const { engine, connection } = connect({ streamMode: 'hang-after-first' });
    await engine.load(MODEL);
    const controller = new AbortController();
    const tokens: string[] = [];
    const generating = engine.generate(
      ask('one two three'),
      SETTINGS,
      (delta) => {
        tokens.push(delta);
        controller.abort();
      },
      controller.signal,
    );
    const result = await generating;
    expect(result).toMatchObject({ text: tokens.join(''), finishReason: 'abort' });
    expect(tokens.length).toBe(1);
    expect(connection.terminations()).toBe(1);
    expect(engine.loadedModelId).toBeNull();
  });

  it('recognises a lost device (web-llm unloaded itself) and loads again afterwards', async () => {
    const { engine, log } = connect();
    await engine.load(MODEL);
    log.loseDevice();
    const error = (await engine.generate(ask('hi'), SETTINGS).catch((e: unknown) => e)) as Error;
    expect(error.name).toBe('DeviceLostError');
    expect(error.message).toBe(
      `The GPU device was lost while ${MODEL} was loaded, so web-llm unloaded it (usually the GPU ` +
        'ran out of memory or its driver reset). Load the model again to continue. web-llm said: ' +
        WEBLLM_MODEL_NOT_LOADED,
    );
    expect(isDeviceLossError(error)).toBe(true);
    expect(engine.loadedModelId).toBeNull();
    await engine.load(MODEL);
    await expect(engine.generate(ask('again'), SETTINGS)).resolves.toMatchObject({
      text: 'echo: again',
    });
  });

  it('returns the sampled answer probability from the chosen-token log-probabilities', async () => {
    const { engine } = connect({ tokenLogprob: Math.log(0.5) });
    await engine.load(MODEL);
    const result = await engine.generate(ask('Paris'), {
      temperature: 0.8,
      maxTokens: 8,
      topLogprobs: 1,
    });
    expect(result.usage.completionTokens).toBe(2);
    expect(result.answerProbability).toBeCloseTo(0.25, 12);
    const greedy = await engine.generate(ask('Paris'), {
      temperature: 0,
      maxTokens: 8,
      topLogprobs: 1,
    });
    expect(greedy.answerProbability).toBeUndefined();
  });

  it('turns thinking off for a Qwen3 fine-tune registered under its own id', async () => {
    const { engine, log } = connect();
    engine.setCustomModels([{ ...record('warm-fine-tune'), base_model_id: MODEL }]);
    await engine.load('warm-fine-tune');
    await engine.generate(ask('hi'), SETTINGS);
    expect(log.requests[0]?.extra_body).toEqual({ enable_thinking: false });
  });
});

describe('WorkerEngine when the worker crashes', () => {
  it('rejects every pending request with WorkerCrashError and starts a fresh worker next time', async () => {
    const listeners = new Map<string, (event: Event) => void>();
    let created = 0;
    const createWorker = (): WorkerPort => {
      created += 1;
      return {
        postMessage: () => undefined,
        terminate: () => undefined,
        addEventListener: (type, listener) => listeners.set(type, listener),
      };
    };
    const engine = new WorkerEngine({ createWorker });
    const loading = engine.load(MODEL);
    const generating = engine.listCatalog();
    listeners.get('error')?.(Object.assign(new Event('error'), { message: 'Device lost' }));
    await expect(loading).rejects.toMatchObject({ name: 'WorkerCrashError' });
    await expect(generating).rejects.toThrow(/stopped unexpectedly \(Device lost\)/);
    void engine.listCatalog().catch(() => undefined);
    expect(created).toBe(2);
  });
});
