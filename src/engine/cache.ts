/**
 * Model cache and browser storage helpers for the UI.
 *
 * Owns: "is this model downloaded?", "delete it", how much storage is used, and asking the
 * browser not to evict it. Invariants: web-llm cache queries run inside the worker (web-llm's
 * `hasModelInCache` / `deleteModelAllInfoInCache`), so this module never imports web-llm; storage
 * helpers never throw when the Storage API is missing (they return null/false instead).
 */
import { getSharedWorkerEngine } from './workerEngine';
import type { WorkerEngine } from './workerEngine';

/** The slice of `navigator.storage` used here (injectable for tests). */
export interface StorageManagerLike {
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
}

export interface StorageEstimate {
  usageBytes: number;
  quotaBytes: number;
  /** usage / quota, 0..1 (0 when the quota is unknown). */
  usedFraction: number;
  isPersisted: boolean;
}

type CacheClient = Pick<WorkerEngine, 'getCacheStatus' | 'deleteCachedModel'>;

function defaultStorage(): StorageManagerLike | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

/** True when all of the model's weights are in the browser cache (no download needed). */
export async function isModelCached(
  modelId: string,
  client: CacheClient = getSharedWorkerEngine(),
): Promise<boolean> {
  const status = await client.getCacheStatus([modelId]);
  return status[modelId] === true;
}

/** Cache status for several models in one worker round trip. */
export function getCacheStatus(
  modelIds: string[],
  client: CacheClient = getSharedWorkerEngine(),
): Promise<Record<string, boolean>> {
  return client.getCacheStatus(modelIds);
}

/** Removes a model's weights, tokenizer, config and library from the cache. */
export function deleteCachedModel(
  modelId: string,
  client: CacheClient = getSharedWorkerEngine(),
): Promise<void> {
  return client.deleteCachedModel(modelId);
}

/** Origin storage use and quota; null when the browser has no Storage API (or it fails). */
export async function estimateStorage(
  storage: StorageManagerLike | undefined = defaultStorage(),
): Promise<StorageEstimate | null> {
  if (storage?.estimate === undefined) return null;
  try {
    const { usage = 0, quota = 0 } = await storage.estimate();
    const isPersisted = (await storage.persisted?.()) ?? false;
    return {
      usageBytes: usage,
      quotaBytes: quota,
      usedFraction: quota > 0 ? usage / quota : 0,
      isPersisted,
    };
  } catch {
    return null;
  }
}

/**
 * Asks the browser to keep this origin's data (models are large and slow to re-download).
 * Resolves false when refused or unsupported; browsers may grant it silently or prompt.
 */
export async function requestPersistentStorage(
  storage: StorageManagerLike | undefined = defaultStorage(),
): Promise<boolean> {
  try {
    if ((await storage?.persisted?.()) === true) return true;
    return (await storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
