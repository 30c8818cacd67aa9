import { afterEach, describe, expect, it } from 'vitest';
import { makeClock, newFactory, openTestDb } from './helpers';
import { openWarmthDb } from '../../src/storage/db';
import { DB_VERSION } from '../../src/storage/schema';
import {
  STORAGE_MESSAGES,
  StorageError,
  VERSION_CHANGE_MESSAGE,
  toStorageError,
} from '../../src/storage/errors';
import { QuestionSetsRepo } from '../../src/storage/questionSetsRepo';
import { ComparisonsRepo } from '../../src/storage/comparisonsRepo';
import { makePool } from '../core/experiment/fixtures';
import type { Comparison } from '../../src/core/records';

const REPORT = { format: 'truthfulqa-csv', rowsRead: 8, itemsMade: 8, skipped: [] };

describe('schema upgrade', () => {
  it('opens at version 1 with data, upgrades to version 2 with the data intact and the new index working', async () => {
    const factory = newFactory();
    const v1 = await openWarmthDb({ indexedDB: factory, name: 'upgrade', version: 1 });
    expect(v1.version).toBe(1);
    expect([...v1.transaction('questionItems').store.indexNames]).toEqual(['by-set']);
    const ids = ['set-a'];
    const setsV1 = new QuestionSetsRepo(v1, {
      createId: () => ids.shift() ?? 'x',
      now: makeClock(),
    });
    await setsV1.saveSet(
      { name: 'A', format: 'x', fileName: 'a.csv', report: REPORT },
      makePool(2),
    );
    v1.close();

    const v2 = await openWarmthDb({ indexedDB: factory, name: 'upgrade' });
    expect(v2.version).toBe(DB_VERSION);
    expect([...v2.transaction('questionItems').store.indexNames].sort()).toEqual([
      'by-set',
      'by-set-family',
    ]);
    const setsV2 = new QuestionSetsRepo(v2);
    expect((await setsV2.getItems('set-a')).length).toBe(8);
    const [summary] = await setsV2.list();
    expect(summary?.familyCounts).toEqual({
      factual: 2,
      misconception: 2,
      conspiracy: 2,
      medical: 2,
    });
    v2.close();
  });
});

/**
 * An "old tab": a version-1 database whose connection was opened by code that ignores
 * version changes, so it keeps blocking upgrades until closed.
 */
async function openOldTab(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  (await openWarmthDb({ indexedDB: factory, name, version: 1 })).close();
  return new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open(name, 1);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

describe('connections across tabs', () => {
  it('reports a blocked upgrade with a clear error when no callback is given', async () => {
    const factory = newFactory();
    const oldTab = await openOldTab(factory, 'blocked');
    const error = await openWarmthDb({ indexedDB: factory, name: 'blocked' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).kind).toBe('blocked');
    expect((error as StorageError).message).toBe(STORAGE_MESSAGES.blocked);
    oldTab.close();
  });

  it('tells the callback it is blocked, then opens once the old tab closes', async () => {
    const factory = newFactory();
    const oldTab = await openOldTab(factory, 'waits');
    const kinds: string[] = [];
    const opening = openWarmthDb({
      indexedDB: factory,
      name: 'waits',
      onBlocked: (e) => {
        kinds.push(e.kind);
        oldTab.close();
      },
    });
    const db = await opening;
    expect(kinds).toEqual(['blocked']);
    expect(db.version).toBe(DB_VERSION);
    db.close();
  });

  it('closes this connection and tells the UI when another tab upgrades', async () => {
    const factory = newFactory();
    const messages: string[] = [];
    const thisTab = await openWarmthDb({
      indexedDB: factory,
      name: 'vc',
      version: 1,
      onVersionChange: (m) => messages.push(m),
    });
    const otherTab = await openWarmthDb({ indexedDB: factory, name: 'vc' });
    expect(messages).toEqual([VERSION_CHANGE_MESSAGE]);
    expect(otherTab.version).toBe(DB_VERSION);
    expect(() => thisTab.transaction('runs')).toThrow();
    otherTab.close();
  });

  it('maps a database newer than the app to a version error', async () => {
    const factory = newFactory();
    (await openWarmthDb({ indexedDB: factory, name: 'newer', version: DB_VERSION + 1 })).close();
    await expect(openWarmthDb({ indexedDB: factory, name: 'newer' })).rejects.toMatchObject({
      kind: 'version',
      message: STORAGE_MESSAGES.version,
    });
  });
});

describe('storage errors', () => {
  const saved = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  afterEach(() => {
    (globalThis as { indexedDB?: IDBFactory }).indexedDB = saved;
  });

  it('reports unavailable storage (private mode) when there is no IndexedDB', async () => {
    delete (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    await expect(openWarmthDb()).rejects.toMatchObject({
      kind: 'unavailable',
      message: STORAGE_MESSAGES.unavailable,
    });
  });

  it.each([
    [new DOMException('quota', 'QuotaExceededError'), undefined, 'quota'],
    [
      new DOMException('aborted', 'AbortError'),
      new DOMException('q', 'QuotaExceededError'),
      'quota',
    ],
    [new DOMException('v', 'VersionError'), undefined, 'version'],
    [new DOMException('s', 'SecurityError'), undefined, 'unavailable'],
    [new Error('disk on fire'), undefined, 'unknown'],
  ])('maps %s to its kind', (error, txError, kind) => {
    expect(toStorageError(error, txError).kind).toBe(kind);
  });

  it('names the cause of an unknown failure', () => {
    expect(toStorageError(new Error('disk on fire')).message).toBe(
      'Browser storage failed: disk on fire',
    );
  });

  it('turns a full disk during a write into the quota message, storing nothing', async () => {
    const db = await openTestDb();
    const repo = new ComparisonsRepo(db);
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const comparison = { id: 'c1', createdAt: '2025-01-01T00:00:00.000Z' } as Comparison;
    try {
      await expect(repo.add(comparison)).rejects.toMatchObject({
        kind: 'quota',
        message: 'Browser storage is full: free space or delete old runs; nothing stored was lost.',
      });
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(await repo.list()).toEqual([]);
    await repo.add(comparison);
    expect((await repo.list()).map((c) => c.id)).toEqual(['c1']);
  });
});
