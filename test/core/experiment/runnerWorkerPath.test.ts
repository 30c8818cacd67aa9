// The runner on the real worker path (WorkerEngine ⇄ MessageChannel ⇄ WorkerHandler) over a
// web-llm stub: after a GPU device loss web-llm unloads itself, and every later request fails
// with its ModelNotLoadedError (exact 0.2.86 text) until the model is reloaded. The runner must
// reload and retry the entry, finish the run, and send each sample its own integer seed.
import { afterEach, describe, expect, it } from 'vitest';
import { buildPlan } from '../../../src/core/experiment/plan';
import { deriveRequestSeed } from '../../../src/core/experiment/requestSeed';
import type { RunStore } from '../../../src/core/experiment/runner';
import { runExperiment } from '../../../src/core/experiment/runner';
import type { Generator, ResponseRecord } from '../../../src/core/types';
import { createNamedError } from '../../../src/engine/errors';
import { connectWorkerEngine } from '../../engine/support/channel';
import { createFakeWebLlm } from '../../engine/support/fakeWebLlm';
import { composeForTest, makeArm, makeDesign, makePool } from './fixtures';

const MODEL = 'Fake-Model-q4f32_1-MLC';
const NOT_LOADED =
  'Model not loaded before trying to complete ChatCompletionRequest. Please ensure you have called ' +
  'MLCEngine.reload(model) to load the model before initiating APIs, ' +
  'or initialize your engine using CreateMLCEngine() with a valid model configuration.';

class MemoryStore implements RunStore {
  readonly results = new Map<number, ResponseRecord>();
  async getCompletedIndices(): Promise<Set<number>> {
    return new Set(this.results.keys());
  }
  async saveResult(record: ResponseRecord): Promise<void> {
    this.results.set(record.planIndex, record);
  }
}

let close: (() => void) | null = null;
afterEach(() => close?.());

describe('runner through the web-llm worker path', () => {
  it('reloads after device loss and ModelNotLoadedError, retries, and finishes', async () => {
    let calls = 0;
    let reloadsAtLoss = -1;
    const { binding, log } = createFakeWebLlm({
      models: [MODEL],
      tokenDelayMs: 0,
      failWith: () => {
        calls++;
        if (calls === 3) {
          // The answer in flight dies with whatever the GPU stack says; web-llm then unloads.
          reloadsAtLoss = log.reloads.length;
          return new Error('the generation was interrupted');
        }
        const isUnloaded = reloadsAtLoss >= 0 && log.reloads.length === reloadsAtLoss;
        return isUnloaded ? createNamedError('ModelNotLoadedError', NOT_LOADED) : null;
      },
    });
    const connected = connectWorkerEngine(binding);
    close = connected.close;
    const engine = connected.engine;
    const load = async (modelId: string): Promise<Generator> => {
      if (engine.loadedModelId !== modelId) await engine.load(modelId);
      return engine;
    };
    const reload = async (modelId: string): Promise<Generator> => {
      await engine.load(modelId);
      return engine;
    };
    const arm = (id: string, role: 'base' | 'warm') => ({
      ...makeArm(id, MODEL, role),
      settings: { temperature: 0.8, maxTokens: 32, seed: 1 },
    });
    const design = makeDesign({ arms: [arm('base', 'base'), arm('warm', 'warm')], samples: 2 });
    const plan = buildPlan(design, makePool(1), composeForTest);
    const store = new MemoryStore();
    const notices: string[] = [];
    const outcome = await runExperiment({
      runId: 'run-w',
      plan,
      arms: design.arms,
      store,
      loadModel: load,
      reloadModel: reload,
      grade: () => [{ outcome: 'correct', grader: 'rule:test', reason: 'test' }],
      retry: { maxAttempts: 3, baseDelayMs: 1 },
      onNotice: (m) => notices.push(m),
    });
    expect(outcome).toEqual({ status: 'done', completed: plan.length, total: plan.length });
    expect(log.reloads).toEqual([MODEL, MODEL]);
    expect(notices).toHaveLength(2);
    expect(notices[0]).toMatch(/failed \(the generation was interrupted\): retrying \(attempt 2\)/);
    expect(notices[1]).toMatch(/model was lost .* reloading it \(attempt 3\)/);
    // Every stored answer carries the seed its request was sent with.
    const sentSeeds = log.requests.map((r) => r.seed);
    expect(sentSeeds.every((s) => Number.isInteger(s))).toBe(true);
    for (const entry of plan) {
      expect(store.results.get(entry.index)?.seed).toBe(deriveRequestSeed(1, entry.pairKey));
    }
    const sampleSeeds = new Set(plan.map((e) => deriveRequestSeed(1, e.pairKey)));
    expect(sampleSeeds.size).toBe(plan.length / 2); // one seed per (prompt, sample), shared by arms
  });
});
