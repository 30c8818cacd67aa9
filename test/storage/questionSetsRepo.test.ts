import { describe, expect, it } from 'vitest';
import { makeClock, openTestDb } from './helpers';
import { QuestionSetsRepo } from '../../src/storage/questionSetsRepo';
import { StorageError } from '../../src/storage/errors';
import type { Item } from '../../src/core/types';
import { makeItem, makePool } from '../core/experiment/fixtures';

const REPORT = {
  format: 'medqa-jsonl',
  rowsRead: 3,
  itemsMade: 3,
  skipped: [{ line: 4, reason: 'answer not among options' }],
};
const INPUT = {
  name: 'MedQA sample',
  format: 'medqa-jsonl',
  fileName: 'medqa.jsonl',
  report: REPORT,
};

async function setUp() {
  const db = await openTestDb();
  let n = 0;
  const repo = new QuestionSetsRepo(db, { createId: () => `set-${++n}`, now: makeClock() });
  return { db, repo };
}

describe('QuestionSetsRepo', () => {
  it('saves a set with its items and lists it with per-family counts', async () => {
    const { repo } = await setUp();
    const items = [...makePool(1), makeItem('extra', 'medical')];
    const saved = await repo.saveSet(INPUT, items);
    expect(saved).toEqual({
      ...INPUT,
      id: 'set-1',
      createdAt: '2025-01-01T00:00:01.000Z',
      itemCount: 5,
    });
    expect(await repo.list()).toEqual([
      { ...saved, familyCounts: { factual: 1, misconception: 1, conspiracy: 1, medical: 2 } },
    ]);
    const stored = await repo.getItems('set-1');
    expect(stored.map((i) => i.id).sort()).toEqual(items.map((i) => i.id).sort());
    expect(stored.find((i) => i.id === 'extra')).toEqual(items[4]);
  });

  it('imports all or nothing: one failing item aborts the whole transaction', async () => {
    const { repo } = await setUp();
    const good = makePool(2);
    // A function cannot be stored (structured clone fails) — the 5th write fails after 4 succeeded.
    const poisoned = {
      ...makeItem('bad', 'factual'),
      meta: { fn: (() => 1) as unknown as string },
    } as Item;
    const error = await repo
      .saveSet(INPUT, [...good.slice(0, 4), poisoned, ...good.slice(4)])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(await repo.list()).toEqual([]);
    expect(await repo.getItems('set-1')).toEqual([]);
    expect(await repo.search('question')).toEqual([]);
  });

  it('refuses duplicate item ids with a message naming the file and id', async () => {
    const { repo } = await setUp();
    const items = [makeItem('q1', 'factual'), makeItem('q1', 'factual')];
    await expect(repo.saveSet(INPUT, items)).rejects.toThrow(
      "'medqa.jsonl' has the item id 'q1' twice; nothing was imported.",
    );
    expect(await repo.list()).toEqual([]);
  });

  it('searches question and answer text across sets, case-insensitively', async () => {
    const { repo } = await setUp();
    await repo.saveSet(INPUT, [makeItem('a1', 'factual'), makeItem('a2', 'medical')]);
    await repo.saveSet({ ...INPUT, name: 'B' }, [makeItem('b1', 'misconception')]);
    expect((await repo.search('QUESTION A1')).map((h) => [h.setId, h.item.id])).toEqual([
      ['set-1', 'a1'],
    ]);
    expect((await repo.search('wrong-b1')).map((h) => h.item.id)).toEqual(['b1']);
    expect((await repo.search('other-2')).map((h) => h.item.id)).toEqual(['a2']);
    expect(await repo.search('   ')).toEqual([]);
    expect((await repo.search('question', 2)).length).toBe(2);
  });

  it('deletes a set together with its items, leaving other sets', async () => {
    const { repo } = await setUp();
    await repo.saveSet(INPUT, makePool(1));
    await repo.saveSet({ ...INPUT, name: 'Keep' }, [makeItem('k', 'factual')]);
    await repo.delete('set-1');
    expect(await repo.getSet('set-1')).toBeUndefined();
    expect(await repo.getItems('set-1')).toEqual([]);
    expect((await repo.list()).map((s) => s.name)).toEqual(['Keep']);
    expect((await repo.getItems('set-2')).map((i) => i.id)).toEqual(['k']);
  });
});
