import { describe, expect, it } from 'vitest';
import { makeClock, openTestDb } from './helpers';
import { QuestionSetsRepo } from '../../src/storage/questionSetsRepo';
import type { SaveProgress } from '../../src/storage/questionSetsRepo';
import type { Item } from '../../src/core/types';
import { makeItem, makePool } from '../core/experiment/fixtures';

const INPUT = {
  name: 'Big set',
  format: 'triviaqa-jsonl',
  fileName: 'big.jsonl',
  report: { format: 'triviaqa-jsonl', rowsRead: 8, itemsMade: 8, skipped: [] },
};

async function setUp() {
  const db = await openTestDb();
  let n = 0;
  const repo = new QuestionSetsRepo(db, {
    createId: () => `set-${++n}`,
    now: makeClock(),
    batchSize: 3,
  });
  return { db, repo };
}

describe('QuestionSetsRepo: big saves in batches', () => {
  it('writes 8 items in batches of 3, reporting progress, and lists the set only at the end', async () => {
    const { repo } = await setUp();
    const progress: SaveProgress[] = [];
    const listed: number[] = [];
    const saved = await repo.saveSet(INPUT, makePool(2), (p) => {
      progress.push(p);
      void repo.list().then((sets) => listed.push(sets.length));
    });
    expect(progress).toEqual([
      { saved: 3, total: 8 },
      { saved: 6, total: 8 },
      { saved: 8, total: 8 },
    ]);
    expect(listed).toEqual([0, 0, 0]);
    expect((await repo.getItems(saved.id)).length).toBe(8);
    expect((await repo.list()).map((s) => s.itemCount)).toEqual([8]);
  });

  it('a batch that fails leaves no items and no set behind', async () => {
    const { db, repo } = await setUp();
    const items: Item[] = [...makePool(1), makeItem('bad', 'factual')];
    // A function cannot be cloned into IndexedDB: the second batch fails.
    (items[4] as unknown as { aliases: unknown }).aliases = [() => 1];
    await expect(repo.saveSet(INPUT, items)).rejects.toThrow();
    expect(await repo.list()).toEqual([]);
    expect(await db.count('questionItems')).toBe(0);
  });

  it('sweeps items left without a set record, keeping saved sets', async () => {
    const { db, repo } = await setUp();
    const kept = await repo.saveSet(INPUT, makePool(1));
    const orphan = makeItem('lost', 'medical');
    await db.put('questionItems', {
      setId: 'set-gone',
      itemId: orphan.id,
      family: 'medical',
      item: orphan,
    });
    expect(await repo.sweepOrphans()).toBe(1);
    expect(await db.count('questionItems')).toBe(4);
    expect((await repo.getItems(kept.id)).length).toBe(4);
  });

  it('refuses to commit a set whose items were removed meanwhile', async () => {
    const { db, repo } = await setUp();
    const saving = repo.saveSet(INPUT, makePool(2), (p) => {
      // Another tab's sweep removes the first batch while this save is still running.
      if (p.saved === 3)
        void db.delete('questionItems', IDBKeyRange.bound(['set-1'], ['set-1', []]));
    });
    await expect(saving).rejects.toThrow(
      "Saving 'big.jsonl' was interrupted (5 of 8 items stored); nothing was imported.",
    );
    expect(await repo.list()).toEqual([]);
    expect(await db.count('questionItems')).toBe(0);
  });

  it('deletes a set with all its items in one range request, leaving other sets', async () => {
    const { db, repo } = await setUp();
    const first = await repo.saveSet(INPUT, makePool(2));
    const second = await repo.saveSet(INPUT, makePool(1));
    await repo.delete(first.id);
    expect((await repo.list()).map((s) => s.id)).toEqual([second.id]);
    expect(await db.count('questionItems')).toBe(4);
  });
});
