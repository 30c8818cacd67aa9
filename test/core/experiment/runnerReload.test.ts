// The runner against web-llm's real failure texts (node_modules/@mlc-ai/web-llm/lib/index.js,
// 0.2.86): device loss unloads the model, later requests fail with ModelNotLoadedError, and the
// runner must reload (not just reuse the engine it has) before retrying; per-request seeds.
import { describe, expect, it } from 'vitest';
import type {
  GenerateResult,
  GenerationSettings,
  Generator,
  ResponseRecord,
} from '../../../src/core/types';
import { buildPlan } from '../../../src/core/experiment/plan';
import { deriveRequestSeed } from '../../../src/core/experiment/requestSeed';
import { isDeviceLost } from '../../../src/core/experiment/retry';
import type { RunExperimentOptions, RunStore } from '../../../src/core/experiment/runner';
import { runExperiment } from '../../../src/core/experiment/runner';
import { composeForTest, makeArm, makeDesign, makePool } from './fixtures';

// Exact texts from web-llm 0.2.86.
function modelNotLoaded(): Error {
  return Object.assign(
    new Error(
      'Model not loaded before trying to complete ChatCompletionRequest. Please ensure you have called ' +
        'MLCEngine.reload(model) to load the model before initiating APIs, ' +
        'or initialize your engine using CreateMLCEngine() with a valid model configuration.',
    ),
    { name: 'ModelNotLoadedError' },
  );
}
function deviceLostOnLoad(): Error {
  return Object.assign(
    new Error(
      'The WebGPU device was lost while loading the model. This issue often occurs due to running out of memory (OOM). To resolve this, try reloading with a model that has fewer parameters or uses a smaller context length.',
    ),
    { name: 'DeviceLostError' },
  );
}
const workerNotLoaded = () =>
  Object.assign(
    new Error('WebWorkerMLCEngine is not loaded with a model. Did you call `engine.reload()`?'),
    {
      name: 'WorkerEngineModelNotLoadedError',
    },
  );

class MemoryStore implements RunStore {
  readonly results = new Map<number, ResponseRecord>();
  async getCompletedIndices(): Promise<Set<number>> {
    return new Set(this.results.keys());
  }
  async saveResult(record: ResponseRecord): Promise<void> {
    this.results.set(record.planIndex, record);
  }
}

/** Like web-llm: once "unloaded", every request fails until a real reload. */
class UnloadingEngine {
  isLoaded = false;
  loads = 0;
  reloads = 0;
  unloadAfter = -1;
  seeds: (number | undefined)[] = [];
  probability: number | undefined;
  readonly generator: Generator = {
    generate: async (_messages, settings: GenerationSettings) => {
      if (!this.isLoaded) throw modelNotLoaded();
      this.seeds.push(settings.seed);
      if (this.seeds.length === this.unloadAfter) {
        this.isLoaded = false; // web-llm's device.lost handler calls unload()
        throw new Error('the answer in flight was lost');
      }
      const result: GenerateResult & { answerProbability?: number } = {
        text: 'ok',
        usage: { promptTokens: 5, completionTokens: 2 },
        finishReason: 'stop',
        elapsedMs: 10,
      };
      if (this.probability !== undefined) result.answerProbability = this.probability;
      return result;
    },
  };
  /** The app's loader: hands back the engine it believes loaded (no reload). */
  load = async (): Promise<Generator> => {
    this.loads++;
    this.isLoaded ||= this.loads === 1;
    return this.generator;
  };
  reload = async (): Promise<Generator> => {
    this.reloads++;
    this.isLoaded = true;
    return this.generator;
  };
}

function options(engine: UnloadingEngine, extra: Partial<RunExperimentOptions> = {}) {
  const design = makeDesign({ samples: 3 });
  const plan = buildPlan(design, makePool(1), composeForTest);
  const store = new MemoryStore();
  const opts: RunExperimentOptions = {
    runId: 'run-1',
    plan,
    arms: design.arms,
    store,
    loadModel: engine.load,
    reloadModel: engine.reload,
    grade: () => [{ outcome: 'correct', grader: 'rule:test', reason: 'test' }],
    retry: { maxAttempts: 3, baseDelayMs: 1 },
    sleep: async () => {},
    ...extra,
  };
  return { opts, plan, store };
}

describe('device loss with the real web-llm texts', () => {
  it.each([
    ['ModelNotLoadedError', modelNotLoaded()],
    ['DeviceLostError', deviceLostOnLoad()],
    ['WorkerEngineModelNotLoadedError', workerNotLoaded()],
    [
      'Chrome console text',
      new Error('Device was lost. This can happen due to insufficient memory'),
    ],
  ])('recognises %s as "reload the model"', (_name, error) => {
    expect(isDeviceLost(error)).toBe(true);
  });

  it('does not treat other errors as device loss', () => {
    expect(isDeviceLost(new Error('`seed` should be an integer, but got 1.5'))).toBe(false);
  });

  it('reloads the model after web-llm unloaded itself and finishes every entry', async () => {
    const engine = new UnloadingEngine();
    engine.unloadAfter = 3;
    const notices: string[] = [];
    const { opts, plan, store } = options(engine, { onNotice: (m) => notices.push(m) });
    const outcome = await runExperiment(opts);
    expect(outcome).toEqual({ status: 'done', completed: plan.length, total: plan.length });
    expect(engine.reloads).toBe(1);
    expect(store.results.size).toBe(plan.length);
    expect(notices[0]).toMatch(/^Entry #\d+ failed \(the answer in flight was lost\)/);
    expect(notices[1]).toMatch(/model was lost .*reloading it/);
  });

  it('without a reload capability the retries hit ModelNotLoadedError and the run pauses', async () => {
    const engine = new UnloadingEngine();
    engine.unloadAfter = 1;
    const { opts } = options(engine, { reloadModel: undefined });
    const outcome = await runExperiment(opts);
    expect(outcome.status).toBe('paused');
    expect(outcome.reason).toContain(
      'Model not loaded before trying to complete ChatCompletionRequest',
    );
  });
});

describe('per-request seeds', () => {
  it('gives each sample its own seed, shared by the arms of a pair, and stores it', async () => {
    const engine = new UnloadingEngine();
    const { opts, plan, store } = options(engine);
    await runExperiment(opts);
    const samples = plan.filter(
      (e) => e.pairKey.replace(/\|\d+$/, '') === plan[0]!.pairKey.replace(/\|\d+$/, ''),
    );
    expect(samples).toHaveLength(6); // 3 samples × 2 arms
    const seedsBySample = new Map<number, Set<number | undefined>>();
    for (const entry of samples) {
      const record = store.results.get(entry.index)!;
      expect(record.seed).toBe(deriveRequestSeed(7, entry.pairKey));
      const set = seedsBySample.get(entry.sample) ?? new Set();
      set.add(record.seed);
      seedsBySample.set(entry.sample, set);
    }
    expect([...seedsBySample.keys()]).toEqual([0, 1, 2]);
    for (const set of seedsBySample.values()) expect(set.size).toBe(1); // base and warm agree
    const distinct = new Set([...seedsBySample.values()].map((s) => [...s][0]));
    expect(distinct.size).toBe(3);
    expect(engine.seeds.every((s) => Number.isInteger(s))).toBe(true);
  });

  it('reproduces the same seeds on a rerun', () => {
    expect(deriveRequestSeed(1, 'factual-0|none|none|0|0|0')).toBe(
      deriveRequestSeed(1, 'factual-0|none|none|0|0|0'),
    );
    expect(deriveRequestSeed(1, 'factual-0|none|none|0|0|0')).not.toBe(
      deriveRequestSeed(1, 'factual-0|none|none|0|0|1'),
    );
    expect(deriveRequestSeed(2, 'factual-0|none|none|0|0|0')).not.toBe(
      deriveRequestSeed(1, 'factual-0|none|none|0|0|0'),
    );
  });
});

describe('answer probability', () => {
  it('stores the engine-reported probability of the chosen answer', async () => {
    const engine = new UnloadingEngine();
    engine.probability = 0.82;
    const { opts, store } = options(engine, {
      isFastMode: true,
      arms: [makeArm('base', 'model-a'), makeArm('warm', 'model-a', 'warm')],
    });
    await runExperiment(opts);
    expect([...store.results.values()].every((r) => r.answerProbability === 0.82)).toBe(true);
  });

  it('leaves it out when the engine reports none', async () => {
    const engine = new UnloadingEngine();
    const { opts, store } = options(engine);
    await runExperiment(opts);
    expect([...store.results.values()].some((r) => 'answerProbability' in r)).toBe(false);
  });
});
