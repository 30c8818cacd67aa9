import { describe, expect, it } from 'vitest';
import {
  deleteCachedModel,
  estimateStorage,
  isModelCached,
  requestPersistentStorage,
} from '../../src/engine/cache';
import type { StorageManagerLike } from '../../src/engine/cache';
import { fetchExactDownloadBytes, sumTensorCacheBytes } from '../../src/engine/downloadSize';

describe('storage helpers', () => {
  it('reports usage, quota and persistence', async () => {
    const storage: StorageManagerLike = {
      estimate: async () => ({ usage: 250, quota: 1000 }),
      persisted: async () => true,
    };
    expect(await estimateStorage(storage)).toEqual({
      usageBytes: 250,
      quotaBytes: 1000,
      usedFraction: 0.25,
      isPersisted: true,
    });
  });

  it.each([
    ['missing Storage API', undefined, null],
    [
      'unknown quota',
      { estimate: async () => ({}) },
      { usageBytes: 0, quotaBytes: 0, usedFraction: 0, isPersisted: false },
    ],
    ['failing estimate', { estimate: () => Promise.reject(new Error('denied')) }, null],
  ])('estimateStorage with %s', async (_label, storage, expected) => {
    expect(await estimateStorage(storage as StorageManagerLike | undefined)).toEqual(expected);
  });

  it.each([
    ['already persisted', { persisted: async () => true, persist: async () => false }, true],
    ['granted', { persisted: async () => false, persist: async () => true }, true],
    ['refused', { persisted: async () => false, persist: async () => false }, false],
    ['unsupported', undefined, false],
  ])('requestPersistentStorage when %s', async (_label, storage, expected) => {
    expect(await requestPersistentStorage(storage)).toBe(expected);
  });
});

describe('model cache queries', () => {
  it('asks the engine once per model and deletes through it', async () => {
    const deleted: string[] = [];
    const client = {
      getCacheStatus: async (ids: string[]) =>
        Object.fromEntries(ids.map((id) => [id, id === 'yes'])),
      deleteCachedModel: async (id: string) => void deleted.push(id),
    };
    expect([await isModelCached('yes', client), await isModelCached('no', client)]).toEqual([
      true,
      false,
    ]);
    await deleteCachedModel('yes', client);
    expect(deleted).toEqual(['yes']);
  });
});

describe('download size from tensor-cache.json', () => {
  it('sums shard sizes from the model folder', async () => {
    const requested: string[] = [];
    const fetchFn = async (url: string) => {
      requested.push(url);
      return new Response(JSON.stringify({ records: [{ nbytes: 1000 }, { nbytes: 2500 }] }));
    };
    expect(await fetchExactDownloadBytes('https://huggingface.co/mlc-ai/X-MLC', fetchFn)).toBe(
      3500,
    );
    expect(requested).toEqual([
      'https://huggingface.co/mlc-ai/X-MLC/resolve/main/tensor-cache.json',
    ]);
  });

  it.each([
    [{}, 'expected an object with a "records" array'],
    [
      { records: [{ nbytes: 1 }, { nbytes: 'big' }] },
      'records[1].nbytes should be a non-negative number',
    ],
  ])('rejects %j', (manifest, message) => {
    expect(() => sumTensorCacheBytes(manifest, 'x/tensor-cache.json')).toThrow(
      `x/tensor-cache.json: ${message}`,
    );
  });
});
