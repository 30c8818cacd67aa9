import { describe, expect, it } from 'vitest';
import { makeClock, openTestDb } from './helpers';
import { RunsRepo, createRunStore } from '../../src/storage/runsRepo';
import { StorageError } from '../../src/storage/errors';
import { buildPlan } from '../../src/core/experiment/plan';
import type { PlanEntry } from '../../src/core/experiment/plan';
import { runExperiment } from '../../src/core/experiment/runner';
import type { RunRecord } from '../../src/core/records';
import type { Generator, ResponseRecord } from '../../src/core/types';
import { composeForTest, makeDesign, makePool } from '../core/experiment/fixtures';

const design = makeDesign();
const plan = buildPlan(design, makePool(3), composeForTest); // 12 entries

function makeRun(id = 'run-1', createdAt = '2025-01-01T00:00:00.000Z'): RunRecord {
  return {
    id,
    name: 'Run',
    design,
    status: 'planned',
    planSize: 0,
    createdAt,
    updatedAt: createdAt,
  };
}

function makeResult(entry: PlanEntry, runId = 'run-1', output = 'Paris'): ResponseRecord {
  return {
    runId,
    planIndex: entry.index,
    armId: entry.armId,
    armRole: entry.armId === 'warm' ? 'warm' : 'base',
    modelId: entry.modelId,
    itemId: entry.itemId,
    family: entry.family,
    condition: entry.condition,
    sample: entry.sample,
    prompt: entry.prompt,
    output,
    finishReason: 'stop',
    grades: [],
    usage: { promptTokens: 5, completionTokens: 2 },
    elapsedMs: 10,
    createdAt: '2025-01-01T00:00:00.000Z',
  };
}

async function setUp() {
  const db = await openTestDb();
  const repo = new RunsRepo(db, makeClock());
  await repo.createRun(makeRun(), plan);
  return { db, repo };
}

describe('RunsRepo', () => {
  it('stores the run and its whole plan before anything is generated', async () => {
    const { repo } = await setUp();
    expect(await repo.getRun('run-1')).toMatchObject({
      id: 'run-1',
      planSize: 12,
      status: 'planned',
    });
    const stored = await repo.getPlan('run-1');
    expect(stored.map((e) => e.index)).toEqual(plan.map((e) => e.index));
    expect(stored[5]).toEqual({ ...plan[5], runId: 'run-1' });
    expect(await repo.getFirstMissingIndex('run-1')).toBe(0);
    expect(await repo.countResults('run-1')).toBe(0);
  });

  it('refuses to create a run twice and keeps the first', async () => {
    const { repo } = await setUp();
    await expect(repo.createRun(makeRun(), plan.slice(0, 2))).rejects.toThrow(
      "A run with id 'run-1' already exists.",
    );
    expect((await repo.getPlan('run-1')).length).toBe(12);
  });

  it('saves a result and marks its plan entry done, idempotently', async () => {
    const { repo } = await setUp();
    await repo.saveResult(makeResult(plan[0]!));
    await repo.saveResult(makeResult(plan[2]!));
    await repo.saveResult(makeResult(plan[0]!, 'run-1', 'Paris, again'));
    expect(await repo.countResults('run-1')).toBe(2);
    expect([...(await repo.getCompletedIndices('run-1'))]).toEqual([0, 2]);
    expect(await repo.getFirstMissingIndex('run-1')).toBe(1);
    const results = await repo.listResults('run-1');
    expect(results.map((r) => [r.planIndex, r.output])).toEqual([
      [0, 'Paris, again'],
      [2, 'Paris'],
    ]);
  });

  it('rejects a result without a plan entry and stores nothing', async () => {
    const { repo } = await setUp();
    const stray = { ...makeResult(plan[0]!), planIndex: 99 };
    await expect(repo.saveResult(stray)).rejects.toThrow(
      "Run 'run-1' has no plan entry #99; the answer was not saved.",
    );
    expect(await repo.countResults('run-1')).toBe(0);
  });

  it('writes result and done-mark in one transaction: a failing result write leaves neither', async () => {
    const { repo } = await setUp();
    const broken = { ...makeResult(plan[3]!), output: (() => 'x') as unknown as string };
    await expect(repo.saveResult(broken)).rejects.toBeInstanceOf(StorageError);
    expect(await repo.countResults('run-1')).toBe(0);
    expect(await repo.getFirstMissingIndex('run-1')).toBe(0);
    expect((await repo.getPlan('run-1')).length).toBe(12);
  });

  it('sets statuses, keeping a reason only where it means something', async () => {
    const { repo } = await setUp();
    const paused = await repo.setStatus('run-1', 'paused', 'GPU lost');
    expect(paused).toMatchObject({
      status: 'paused',
      reason: 'GPU lost',
      updatedAt: '2025-01-01T00:00:01.000Z',
    });
    const running = await repo.setStatus('run-1', 'running', 'ignored');
    expect(running.reason).toBeUndefined();
    expect((await repo.getRun('run-1'))?.status).toBe('running');
    await expect(repo.setStatus('nope', 'done')).rejects.toThrow("No run with id 'nope'.");
  });

  it('appends grades to a stored answer', async () => {
    const { repo } = await setUp();
    await repo.saveResult(makeResult(plan[1]!));
    await repo.addGrade('run-1', 1, { outcome: 'correct', grader: 'judge:x', reason: 'ok' });
    await repo.addGrade('run-1', 1, { outcome: 'incorrect', grader: 'human:ana', reason: 'no' });
    const [result] = await repo.listResults('run-1');
    expect(result?.grades.map((g) => g.grader)).toEqual(['judge:x', 'human:ana']);
    await expect(
      repo.addGrade('run-1', 7, { outcome: 'correct', grader: 'h', reason: '' }),
    ).rejects.toThrow("Run 'run-1' has no answer #7 to grade.");
  });

  it('lists runs newest first and deletes a run with its plan and answers only', async () => {
    const { repo } = await setUp();
    await repo.createRun(makeRun('run-2', '2025-03-01T00:00:00.000Z'), plan.slice(0, 3));
    await repo.saveResult(makeResult(plan[0]!));
    await repo.saveResult(makeResult(plan[0]!, 'run-2'));
    expect((await repo.listRuns()).map((r) => r.id)).toEqual(['run-2', 'run-1']);
    await repo.deleteRun('run-1');
    expect(await repo.getRun('run-1')).toBeUndefined();
    expect(await repo.getPlan('run-1')).toEqual([]);
    expect(await repo.countResults('run-1')).toBe(0);
    expect(await repo.countResults('run-2')).toBe(1);
    expect((await repo.getPlan('run-2')).length).toBe(3);
  });

  it('backs a resumable run: crash during the 5th answer, resume, exactly the plan is stored', async () => {
    const { repo } = await setUp();
    const crash = new AbortController();
    let calls = 0;
    const generator: Generator = {
      generate: async (messages) => {
        // Results are written behind the generations, so the crash is staged in the engine.
        if (++calls === 5) crash.abort();
        return {
          text: `echo ${messages.length}`,
          usage: { promptTokens: 1, completionTokens: 1 },
          finishReason: 'stop',
          elapsedMs: 1,
        };
      },
    };
    const base = {
      runId: 'run-1',
      plan,
      arms: design.arms,
      store: createRunStore(repo, 'run-1'),
      loadModel: async () => generator,
      grade: () => [],
    };
    const first = await runExperiment({ ...base, signal: crash.signal });
    expect(first.status).toBe('paused');
    expect(await repo.getFirstMissingIndex('run-1')).toBe(4);
    expect((await runExperiment(base)).status).toBe('done');
    expect((await repo.listResults('run-1')).map((r) => r.planIndex)).toEqual(
      plan.map((e) => e.index),
    );
    expect(await repo.getFirstMissingIndex('run-1')).toBeNull();
  });
});
