import { describe, expect, it } from 'vitest';
import type { Generator, ResponseRecord } from '../../../src/core/types';
import { buildPlan } from '../../../src/core/experiment/plan';
import type { RunStore } from '../../../src/core/experiment/runner';
import { runExperiment, WRITE_WINDOW_MS } from '../../../src/core/experiment/runner';
import { composeForTest, makeDesign, makePool } from './fixtures';

const design = makeDesign();
const plan = buildPlan(design, makePool(3), composeForTest); // 12 entries

/** A store with group commits; each batch resolves when the test releases it. */
class BatchStore implements RunStore {
  readonly batches: number[][] = [];
  readonly stored = new Set<number>();
  failOnBatch = -1;
  async getCompletedIndices(): Promise<Set<number>> {
    return new Set(this.stored);
  }
  async saveResult(record: ResponseRecord): Promise<void> {
    await this.saveResults([record]);
  }
  async saveResults(records: readonly ResponseRecord[]): Promise<void> {
    const number = this.batches.push(records.map((r) => r.planIndex)) - 1;
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (number === this.failOnBatch) throw new Error('disk full');
    for (const record of records) this.stored.add(record.planIndex);
  }
}

const generator: Generator = {
  generate: async () => ({
    text: 'ok',
    usage: { promptTokens: 1, completionTokens: 1 },
    finishReason: 'stop',
    elapsedMs: 1,
  }),
};

function options(store: BatchStore, clock: () => number, yields: number[] = []) {
  return {
    runId: 'run-1',
    plan,
    arms: design.arms,
    store,
    loadModel: async () => generator,
    grade: () => [],
    now: clock,
    yieldToHost: async () => {
      yields.push(clock());
    },
  };
}

describe('runExperiment with group commits', () => {
  it('writes answers that arrive during a write in the next transaction, every entry once', async () => {
    const store = new BatchStore();
    const seen: number[] = [];
    const outcome = await runExperiment({
      ...options(store, () => 0),
      onResult: (record) => seen.push(record.planIndex),
    });
    expect(outcome).toEqual({ status: 'done', completed: 12, total: 12 });
    expect(store.batches[0]).toEqual([0]); // the first answer is written at once
    expect(store.batches.length).toBeLessThan(12); // later ones share transactions
    expect(store.batches.flat().sort((a, b) => a - b)).toEqual(plan.map((e) => e.index));
    expect(seen.sort((a, b) => a - b)).toEqual(plan.map((e) => e.index));
  });

  it.each([
    ['a clock that stands still: never yields, batches answers', 0, 0, false],
    ['a clock a window ahead per call: yields and waits for each write', WRITE_WINDOW_MS, 12, true],
  ])('%s', async (_label, step, expectedYields, isEachAlone) => {
    const store = new BatchStore();
    const yields: number[] = [];
    let time = 0;
    await runExperiment(options(store, () => (time += step), yields));
    expect(yields.length).toBe(expectedYields);
    expect(store.batches.every((batch) => batch.length === 1)).toBe(isEachAlone);
    expect(store.stored.size).toBe(12);
  });

  it('pauses on a failed batch: nothing of it counts, the rerun fills exactly the gap', async () => {
    const store = new BatchStore();
    store.failOnBatch = 1;
    const first = await runExperiment(options(store, () => 0));
    expect(first.status).toBe('paused');
    expect(first.reason).toMatch(/^Could not save the answer to entry #\d+: disk full$/);
    expect(first.completed).toBe(store.stored.size);
    expect(store.stored.size).toBe(1);
    store.failOnBatch = -1;
    const second = await runExperiment(options(store, () => 0));
    expect(second).toEqual({ status: 'done', completed: 12, total: 12 });
    expect([...store.stored].sort((a, b) => a - b)).toEqual(plan.map((e) => e.index));
  });
});
