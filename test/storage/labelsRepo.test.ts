import { describe, expect, it } from 'vitest';
import { storedLabelKey } from '../../src/core/grading';
import type { HumanLabel } from '../../src/core/records';
import { openWarmthDb } from '../../src/storage/db';
import { LabelsRepo } from '../../src/storage/labelsRepo';
import { DB_VERSION } from '../../src/storage/schema';
import { sampleRecords } from '../core/results/builders';
import { newFactory, openTestDb } from './helpers';

function label(key: string, labeller: string, at: string, isBlind?: boolean): HumanLabel {
  const value = { key, labeller, outcome: 'incorrect' as const, at };
  return (isBlind === undefined ? value : { ...value, isBlind }) as HumanLabel;
}

describe('version 3 upgrade: one label key', () => {
  it('moves labels saved under older keys to runId#planIndex#labeller, keeping the later of two', async () => {
    const factory = newFactory();
    const v2 = await openWarmthDb({ indexedDB: factory, name: 'labels', version: 2 });
    const old = [
      label('run-a#0#alice', 'alice', '2025-01-01T00:00:05Z', true),
      label('run-a#0', 'alice', '2025-01-01T00:00:01Z'),
      label('run-a:1', 'bob', '2025-01-01T00:00:02Z', false),
      label('run#x#2', 'carol#1', '2025-01-01T00:00:03Z'),
      label('not a key', 'dan', '2025-01-01T00:00:04Z', false),
    ];
    for (const value of old) await v2.put('labels', value);
    v2.close();

    const v3 = await openWarmthDb({ indexedDB: factory, name: 'labels' });
    expect(v3.version).toBe(DB_VERSION);
    const labels = await new LabelsRepo(v3).list();
    expect(labels.map((l) => [l.key, l.labeller, l.at, l.isBlind])).toEqual([
      ['not a key', 'dan', '2025-01-01T00:00:04Z', false],
      ['run#x#2#carol#1', 'carol#1', '2025-01-01T00:00:03Z', false],
      ['run-a#0#alice', 'alice', '2025-01-01T00:00:05Z', true],
      ['run-a#1#bob', 'bob', '2025-01-01T00:00:02Z', false],
    ]);
    v3.close();
  });

  it('creates an empty labels store on a fresh database', async () => {
    const db = await openTestDb();
    expect(await new LabelsRepo(db).list()).toEqual([]);
  });
});

describe('LabelsRepo.saveWithGrade', () => {
  it('writes the label and its human grade together, and lists one run’s labels', async () => {
    const db = await openTestDb();
    const [first] = sampleRecords();
    if (!first) throw new Error('builders gave no record');
    await db.put('results', first);
    const repo = new LabelsRepo(db);
    const key = storedLabelKey(first.runId, first.planIndex, 'alice');
    const updated = await repo.saveWithGrade(label(key, 'alice', '2025-02-01T00:00:00Z', true));
    expect(updated.grades.at(-1)).toEqual({
      outcome: 'incorrect',
      grader: 'human:alice',
      reason: 'human label (blind to the arm)',
      at: '2025-02-01T00:00:00Z',
    });
    expect((await db.get('results', [first.runId, first.planIndex]))?.grades).toEqual(
      updated.grades,
    );
    await db.put('labels', label('other#0#bob', 'bob', '2025-02-01T00:00:00Z', false));
    expect((await repo.listRun(first.runId)).map((l) => l.key)).toEqual([key]);
  });

  it('writes nothing when the label points at no stored answer', async () => {
    const db = await openTestDb();
    const repo = new LabelsRepo(db);
    const orphan = label(storedLabelKey('gone', 3, 'alice'), 'alice', '2025-02-01T00:00:00Z', true);
    await expect(repo.saveWithGrade(orphan)).rejects.toThrow(
      "Label 'gone#3#alice' points at no stored answer.",
    );
    expect(await repo.list()).toEqual([]);
  });
});
