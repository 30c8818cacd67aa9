/**
 * Playground history: the saved comparisons, newest first, kept across reloads.
 *
 * Owns: the list shown in the history panel and its save/delete actions. Invariants: the list is
 * re-read from IndexedDB after every change, so what is shown is what is stored; at most
 * HISTORY_LIMIT are listed, and `hasMore` says so, so the cut is never silent.
 */
import type { Comparison } from '../../core/records';
import { ComparisonsRepo } from '../../storage/comparisonsRepo';
import type { StorageState } from './storage.svelte';

/** How many comparisons the panel lists (the newest); older ones stay stored. */
export const HISTORY_LIMIT = 200;

export class HistoryState {
  #items = $state.raw<Comparison[]>([]);
  #isLoaded = $state(false);
  #hasMore = $state(false);
  readonly #storage: StorageState;
  #repo: ComparisonsRepo | null = null;

  constructor(storage: StorageState) {
    this.#storage = storage;
  }

  get items(): Comparison[] {
    return this.#items;
  }
  get isLoaded(): boolean {
    return this.#isLoaded;
  }
  /** True when more comparisons are stored than the panel lists. */
  get hasMore(): boolean {
    return this.#hasMore;
  }

  async #getRepo(): Promise<ComparisonsRepo> {
    this.#repo ??= new ComparisonsRepo(await this.#storage.db());
    return this.#repo;
  }

  async refresh(): Promise<void> {
    try {
      // One extra row tells whether the list was cut, without counting the whole store.
      const listed = await (await this.#getRepo()).list(HISTORY_LIMIT + 1);
      this.#hasMore = listed.length > HISTORY_LIMIT;
      this.#items = listed.slice(0, HISTORY_LIMIT);
      this.#isLoaded = true;
    } catch (error) {
      this.#storage.report(error);
    }
  }

  /** Saves (or re-saves, as answers stream in) one comparison. */
  async save(comparison: Comparison): Promise<void> {
    try {
      await (await this.#getRepo()).add(comparison);
      await this.refresh();
    } catch (error) {
      this.#storage.report(error);
    }
  }

  async remove(id: string): Promise<void> {
    try {
      await (await this.#getRepo()).delete(id);
      await this.refresh();
    } catch (error) {
      this.#storage.report(error);
    }
  }

  async clear(): Promise<void> {
    try {
      await (await this.#getRepo()).clear();
      await this.refresh();
    } catch (error) {
      this.#storage.report(error);
    }
  }
}
