import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../../src/core/experiment/plan';
import { describePhases, scheduleEntries } from '../../../src/core/experiment/schedule';
import { composeForTest, makeArm, makeDesign, makePool } from './fixtures';

const pool = makePool(4);
const conditions = [{ context: 'none', belief: 'none' } as const];
const items = { sources: ['builtin'], perFamily: { factual: 2 }, seed: 3 };

describe('scheduleEntries', () => {
  it('interleaves arms that share a model, prompt by prompt', () => {
    const design = makeDesign({
      items,
      conditions,
      arms: [makeArm('base', 'qwen'), makeArm('warm', 'qwen', 'warm')],
    });
    const schedule = scheduleEntries(buildPlan(design, pool, composeForTest));
    expect(schedule.map((e) => `${e.armId}@${e.index}`)).toEqual([
      'base@0',
      'warm@1',
      'base@2',
      'warm@3',
    ]);
    expect(describePhases(schedule)).toEqual([{ modelId: 'qwen', count: 4 }]);
  });

  it('runs arms on different models phase by phase, keeping plan indices', () => {
    const design = makeDesign({
      items,
      conditions,
      arms: [
        makeArm('base', 'qwen'),
        makeArm('tuned', 'qwen-warm', 'warm'),
        makeArm('persona', 'qwen', 'warm'),
      ],
    });
    const schedule = scheduleEntries(buildPlan(design, pool, composeForTest));
    expect(schedule.map((e) => `${e.armId}@${e.index}`)).toEqual([
      'base@0',
      'persona@2',
      'base@3',
      'persona@5',
      'tuned@1',
      'tuned@4',
    ]);
    expect(describePhases(schedule)).toEqual([
      { modelId: 'qwen', count: 4 },
      { modelId: 'qwen-warm', count: 2 },
    ]);
  });

  it('does not depend on the order the plan is given in', () => {
    const design = makeDesign({
      items,
      conditions,
      arms: [makeArm('a', 'm1'), makeArm('b', 'm2')],
    });
    const plan = buildPlan(design, pool, composeForTest);
    expect(scheduleEntries([...plan].reverse())).toEqual(scheduleEntries(plan));
  });
});
