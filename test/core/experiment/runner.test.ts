import { describe, expect, it } from 'vitest';
import type {
  ChatMessage,
  GenerateResult,
  GenerationSettings,
  Generator,
  ResponseRecord,
} from '../../../src/core/types';
import type { PlanEntry } from '../../../src/core/experiment/plan';
import { buildPlan } from '../../../src/core/experiment/plan';
import type { RunExperimentOptions, RunStore } from '../../../src/core/experiment/runner';
import { CANCEL_REASON, runExperiment } from '../../../src/core/experiment/runner';
import { FAST_MODE_INSTRUCTION } from '../../../src/core/experiment/messages';
import { deriveRequestSeed } from '../../../src/core/experiment/requestSeed';
import { composeForTest, makeArm, makeDesign, makePool } from './fixtures';

/** A store kept in memory that counts how often each plan index was written. */
class MemoryStore implements RunStore {
  readonly results = new Map<number, ResponseRecord>();
  readonly writes = new Map<number, number>();
  failWith: Error | null = null;
  async getCompletedIndices(): Promise<Set<number>> {
    return new Set(this.results.keys());
  }
  async saveResult(record: ResponseRecord): Promise<void> {
    if (this.failWith !== null) throw this.failWith;
    this.results.set(record.planIndex, record);
    this.writes.set(record.planIndex, (this.writes.get(record.planIndex) ?? 0) + 1);
  }
}

interface Call {
  modelId: string;
  messages: ChatMessage[];
  settings: GenerationSettings;
}

/** A deterministic engine: answers "answer to <prompt>" unless a scripted failure is queued. */
class ScriptedEngine {
  readonly calls: Call[] = [];
  readonly loads: string[] = [];
  failures: unknown[] = [];
  async load(modelId: string): Promise<Generator> {
    this.loads.push(modelId);
    return {
      generate: async (messages, settings, onToken, signal): Promise<GenerateResult> => {
        this.calls.push({ modelId, messages, settings });
        const failure = this.failures.shift();
        if (failure !== undefined) throw failure;
        const text = `answer to ${messages[messages.length - 1]?.content ?? ''}`;
        onToken?.(text);
        return {
          text,
          usage: { promptTokens: 10, completionTokens: 4 },
          finishReason: signal?.aborted === true ? 'abort' : 'stop',
          elapsedMs: 100,
        };
      },
    };
  }
}

const design = makeDesign();
const plan = buildPlan(design, makePool(3), composeForTest); // 12 entries, one model

function setUp(overrides: Partial<RunExperimentOptions> = {}) {
  const store = new MemoryStore();
  const engine = new ScriptedEngine();
  const sleeps: number[] = [];
  let clock = 0;
  const options = (extra: Partial<RunExperimentOptions> = {}): RunExperimentOptions => ({
    runId: 'run-1',
    plan,
    arms: design.arms,
    store,
    loadModel: (modelId) => engine.load(modelId),
    grade: (_entry: PlanEntry, output: string) => [
      {
        outcome: output.includes('right') ? 'correct' : 'incorrect',
        grader: 'rule:test',
        reason: 'test',
      },
    ],
    retry: { maxAttempts: 3, baseDelayMs: 100 },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    now: () => (clock += 1000),
    ...overrides,
    ...extra,
  });
  return { store, engine, sleeps, options };
}

describe('runExperiment', () => {
  it('runs every entry once, stores graded records and reports progress', async () => {
    const { store, engine, options } = setUp();
    const summaries: number[] = [];
    const outcome = await runExperiment(options({ onProgress: (s) => summaries.push(s.done) }));
    expect(outcome).toEqual({ status: 'done', completed: 12, total: 12 });
    expect([...store.results.keys()].sort((a, b) => a - b)).toEqual(plan.map((e) => e.index));
    expect(summaries).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(engine.loads).toEqual(['model-a']);
    const warm = store.results.get(1);
    expect(warm).toMatchObject({
      runId: 'run-1',
      planIndex: 1,
      armId: 'warm',
      armRole: 'warm',
      modelId: 'model-a',
      seed: deriveRequestSeed(7, plan[1]!.pairKey),
      finishReason: 'stop',
      output: `answer to ${plan[1]?.prompt.text}`,
      grades: [{ outcome: 'incorrect', grader: 'rule:test', reason: 'test' }],
    });
    expect(engine.calls[1]?.messages[0]).toEqual({ role: 'system', content: 'Be warm.' });
  });

  it('resumes after a crash with no duplicates and no gaps', async () => {
    const { store, engine, options } = setUp();
    const crash = new AbortController();
    let seen = 0;
    const first = await runExperiment(
      options({ signal: crash.signal, onResult: () => ++seen === 5 && crash.abort() }),
    );
    expect(first).toEqual({
      status: 'paused',
      reason: 'Paused by the user.',
      completed: 5,
      total: 12,
    });
    expect(store.results.size).toBe(5);
    const second = await runExperiment(options());
    expect(second).toEqual({ status: 'done', completed: 12, total: 12 });
    expect([...store.results.keys()].sort((a, b) => a - b)).toEqual(plan.map((e) => e.index));
    expect([...store.writes.values()].every((n) => n === 1)).toBe(true);
    expect(engine.calls).toHaveLength(12);
  });

  it('cancels with the cancel reason and saves nothing from an aborted generation', async () => {
    const { store, options } = setUp();
    const controller = new AbortController();
    const outcome = await runExperiment(
      options({
        signal: controller.signal,
        onToken: (entry) => entry.index === 3 && controller.abort(CANCEL_REASON),
      }),
    );
    expect(outcome).toEqual({
      status: 'cancelled',
      reason: 'Cancelled by the user.',
      completed: 3,
      total: 12,
    });
    expect(store.results.has(3)).toBe(false);
  });

  it('retries engine errors with exponential back-off', async () => {
    const { store, engine, sleeps, options } = setUp();
    engine.failures = [new Error('timeout'), new Error('timeout')];
    const notices: string[] = [];
    const outcome = await runExperiment(options({ onNotice: (m) => notices.push(m) }));
    expect(outcome.status).toBe('done');
    expect(sleeps).toEqual([100, 200]);
    expect(notices).toEqual([
      'Entry #0 failed (timeout): retrying (attempt 2).',
      'Entry #0 failed (timeout): retrying (attempt 3).',
    ]);
    expect(store.results.size).toBe(12);
  });

  it('pauses with the reason when an entry keeps failing', async () => {
    const { store, engine, sleeps, options } = setUp({
      retry: { maxAttempts: 4, baseDelayMs: 50 },
    });
    engine.failures = Array.from({ length: 4 }, () => new Error('out of memory'));
    const outcome = await runExperiment(options());
    const first = plan[0]!;
    expect(outcome).toEqual({
      status: 'paused',
      reason: `Entry #0 (item ${first.itemId}, arm BASE) failed after 4 attempts: out of memory`,
      completed: 0,
      total: 12,
    });
    expect(sleeps).toEqual([50, 100, 200]);
    expect(store.results.size).toBe(0);
  });

  it.each([
    ['by message', new Error('The GPU device was lost (reason: unknown)')],
    ['by name', Object.assign(new Error('gone'), { name: 'GPUDeviceLostError' })],
  ])('reloads the model after device loss (%s) and continues', async (_how, error) => {
    const { store, engine, options } = setUp();
    engine.failures = [error];
    const notices: string[] = [];
    const outcome = await runExperiment(options({ onNotice: (m) => notices.push(m) }));
    expect(outcome.status).toBe('done');
    expect(engine.loads).toEqual(['model-a', 'model-a']);
    expect(notices).toEqual([
      'The model was lost on entry #0 (GPU device lost or unloaded): reloading it (attempt 2).',
    ]);
    expect(store.results.size).toBe(12);
  });

  it('loads each model once when arms run in phases', async () => {
    const twoModels = makeDesign({ arms: [makeArm('base', 'm1'), makeArm('warm', 'm2', 'warm')] });
    const twoPlan = buildPlan(twoModels, makePool(3), composeForTest);
    const { engine, options } = setUp({ plan: twoPlan, arms: twoModels.arms });
    const outcome = await runExperiment(options());
    expect(outcome.status).toBe('done');
    expect(engine.loads).toEqual(['m1', 'm2']);
    expect(engine.calls.map((c) => c.modelId)).toEqual([
      ...Array(6).fill('m1'),
      ...Array(6).fill('m2'),
    ]);
  });

  it('sends fast-mode settings and the answer-only instruction', async () => {
    const { engine, options } = setUp({ isFastMode: true });
    await runExperiment(options());
    const call = engine.calls[0]!;
    const seed = deriveRequestSeed(7, plan[0]!.pairKey);
    expect(call.settings).toEqual({ temperature: 0, maxTokens: 24, seed, topLogprobs: 1 });
    expect(call.messages[call.messages.length - 1]?.content).toBe(
      `${plan[0]?.prompt.text}\n\n${FAST_MODE_INSTRUCTION}`,
    );
  });

  it.each<[string, (setup: ReturnType<typeof setUp>) => Partial<RunExperimentOptions>, object]>([
    [
      'a failing save pauses the run',
      ({ store }) => {
        store.failWith = new Error('Browser storage is full');
        return {};
      },
      {
        status: 'paused',
        reason: 'Could not save the answer to entry #0: Browser storage is full',
        completed: 0,
      },
    ],
    [
      'an unknown arm fails the run',
      () => ({ arms: design.arms.slice(0, 1) }),
      {
        status: 'failed',
        reason: "Entry #1 uses arm 'warm', which the design does not have.",
        completed: 1,
      },
    ],
    [
      'a throwing grader fails the run',
      () => ({
        grade: () => {
          throw new Error('bad rubric');
        },
      }),
      { status: 'failed', reason: 'Grading entry #0 failed: bad rubric', completed: 0 },
    ],
    [
      'an unreadable store fails the run',
      ({ store }) => {
        store.getCompletedIndices = () => Promise.reject(new Error('closed'));
        return {};
      },
      { status: 'failed', reason: 'Could not read saved results: closed', completed: 0 },
    ],
  ])('%s', async (_label, arrange, expected) => {
    const setup = setUp();
    const outcome = await runExperiment(setup.options(arrange(setup)));
    expect(outcome).toEqual({ ...expected, total: 12 });
  });
});
