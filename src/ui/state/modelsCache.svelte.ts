/**
 * Which models are in the browser cache, deleting them, and the origin's storage figures.
 *
 * Owns: the cache-status map (asked of web-llm's own `hasModelInCache` through the worker), the
 * two-step delete (ask, then confirm), `estimateStorage` and the "Keep my models" request.
 * Invariants: a failed query leaves the previous map and shows a specific error; a delete always
 * re-reads the status of the deleted model and the storage figures.
 */
import type { StorageEstimate } from '../../engine/cache';
import {
  deleteCachedModel,
  estimateStorage,
  getCacheStatus,
  requestPersistentStorage,
} from '../../engine/cache';
import type { CacheLabel, StorageSummary } from '../../engine/modelDescribe';
import { cacheLabelOf, describePersistResult, describeStorage } from '../../engine/modelDescribe';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}

export class ModelCacheState {
  #cached = $state.raw<Record<string, boolean> | null>(null);
  #isChecking = $state(false);
  #error = $state<string | null>(null);
  #pendingDeleteId = $state<string | null>(null);
  #deletingId = $state<string | null>(null);
  #storage = $state.raw<StorageEstimate | null>(null);
  #hasReadStorage = $state(false);
  #persistMessage = $state<string | null>(null);

  storage: StorageSummary | null = $derived(
    this.#hasReadStorage ? describeStorage(this.#storage) : null,
  );

  get cached(): Readonly<Record<string, boolean>> | null {
    return this.#cached;
  }
  get isChecking(): boolean {
    return this.#isChecking;
  }
  get error(): string | null {
    return this.#error;
  }
  get pendingDeleteId(): string | null {
    return this.#pendingDeleteId;
  }
  get deletingId(): string | null {
    return this.#deletingId;
  }
  get persistMessage(): string | null {
    return this.#persistMessage;
  }

  label(modelId: string): CacheLabel {
    return cacheLabelOf(this.#cached, modelId, this.#isChecking);
  }

  /** Re-reads the cache status of `modelIds` (merged into the known map). */
  async refresh(modelIds: readonly string[]): Promise<void> {
    if (modelIds.length === 0) return;
    this.#isChecking = true;
    try {
      const status = await getCacheStatus([...modelIds]);
      this.#cached = { ...(this.#cached ?? {}), ...status };
      this.#error = null;
    } catch (error) {
      this.#error = `Could not read which models are cached: ${messageOf(error)}`;
    } finally {
      this.#isChecking = false;
    }
  }

  askDelete(modelId: string): void {
    this.#pendingDeleteId = modelId;
  }

  cancelDelete(): void {
    this.#pendingDeleteId = null;
  }

  /** Deletes the model awaiting confirmation, then refreshes its status and the storage bar. */
  async confirmDelete(): Promise<void> {
    const modelId = this.#pendingDeleteId;
    if (modelId === null || this.#deletingId !== null) return;
    this.#deletingId = modelId;
    try {
      await deleteCachedModel(modelId);
      this.#error = null;
    } catch (error) {
      this.#error = `Could not delete ${modelId} from the cache: ${messageOf(error)}`;
    } finally {
      this.#deletingId = null;
      this.#pendingDeleteId = null;
    }
    await Promise.all([this.refresh([modelId]), this.refreshStorage()]);
  }

  async refreshStorage(): Promise<void> {
    this.#storage = await estimateStorage();
    this.#hasReadStorage = true;
  }

  /** Asks the browser not to evict this origin's data, and shows its answer. */
  async keepModels(): Promise<void> {
    const isGranted = await requestPersistentStorage();
    this.#persistMessage = describePersistResult(isGranted);
    await this.refreshStorage();
  }
}
