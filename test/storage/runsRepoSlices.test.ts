import { describe, expect, it } from 'vitest';
import { openTestDb } from './helpers';
import { PLAN_SLICE, RunsRepo } from '../../src/storage/runsRepo';
import type { PlanEntry } from '../../src/core/experiment/plan';
import type { RunRecord } from '../../src/core/records';
import { makeDesign } from '../core/experiment/fixtures';

function makePlan(size: number): PlanEntry[] {
  return Array.from({ length: size }, (_, index) => ({
    index,
    itemId: `item-${index}`,
    family: 'factual',
    condition: { context: 'none', belief: 'none' },
    armId: 'base',
    modelId: 'model-a',
    sample: 0,
    prompt: { text: `Question ${index}?`, variantIds: {} },
    pairKey: `item-${index}|none|none|0|0|0`,
  }));
}

const RUN: RunRecord = {
  id: 'run-big',
  name: 'Big',
  design: makeDesign(),
  status: 'planned',
  planSize: 0,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

describe('RunsRepo.createRun in slices', () => {
  it.each([
    [1, 0],
    [PLAN_SLICE, 0],
    [PLAN_SLICE + 1, 1],
    [PLAN_SLICE * 3 + 7, 3],
  ])('a plan of %i entries is stored whole with %i pauses', async (size, pauses) => {
    const repo = new RunsRepo(await openTestDb());
    const seen: (number | undefined)[] = [];
    await repo.createRun(RUN, makePlan(size), async () => {
      // Between slices the run is not listed yet: it appears only with its whole plan.
      seen.push((await repo.getRun(RUN.id))?.planSize);
    });
    expect(seen).toEqual(Array.from({ length: pauses }, () => undefined));
    expect((await repo.getRun(RUN.id))?.planSize).toBe(size);
    expect((await repo.getPlan(RUN.id)).map((e) => e.index)).toEqual(
      makePlan(size).map((e) => e.index),
    );
  });

  it('removes the slices already written when a later slice fails, and lists no run', async () => {
    const repo = new RunsRepo(await openTestDb());
    const plan = makePlan(PLAN_SLICE + 5);
    const broken = {
      ...plan[PLAN_SLICE + 2]!,
      prompt: (() => 'x') as unknown as PlanEntry['prompt'],
    };
    plan[PLAN_SLICE + 2] = broken;
    await expect(repo.createRun(RUN, plan, async () => undefined)).rejects.toThrow();
    expect(await repo.getRun(RUN.id)).toBeUndefined();
    expect(await repo.getPlan(RUN.id)).toEqual([]);
  });

  it('saves several answers with their done marks in one transaction, or none', async () => {
    const repo = new RunsRepo(await openTestDb());
    await repo.createRun(RUN, makePlan(4), async () => undefined);
    const answer = (planIndex: number) => ({
      runId: RUN.id,
      planIndex,
      armId: 'base',
      armRole: 'base' as const,
      modelId: 'model-a',
      itemId: `item-${planIndex}`,
      family: 'factual' as const,
      condition: { context: 'none' as const, belief: 'none' as const },
      sample: 0,
      prompt: { text: 'Q?', variantIds: {} },
      output: 'A',
      finishReason: 'stop' as const,
      grades: [],
      usage: { promptTokens: 1, completionTokens: 1 },
      elapsedMs: 1,
      createdAt: '2025-01-01T00:00:00.000Z',
    });
    await expect(repo.saveResults([answer(0), answer(9)])).rejects.toThrow(
      "Run 'run-big' has no plan entry #9; the answer was not saved.",
    );
    expect(await repo.countResults(RUN.id)).toBe(0);
    await repo.saveResults([answer(0), answer(2), answer(3)]);
    expect([...(await repo.getCompletedIndices(RUN.id))]).toEqual([0, 2, 3]);
    expect(await repo.getFirstMissingIndex(RUN.id)).toBe(1);
  });
});
