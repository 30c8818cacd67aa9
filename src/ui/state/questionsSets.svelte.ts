/**
 * Imported question sets as the Questions view sees them: the list with per-family counts,
 * every set's items (for browsing), deletion with confirmation, and export.
 *
 * Owns: reading sets and items through the repositories; the browse entries (built-in bank
 * first, then each set, newest first). Invariants: the lists are replaced whole after every
 * change (`$state.raw`), so the browser never shows a deleted set's items; storage errors go
 * to the app banner via `storage.attempt` and leave the lists as they were.
 */
import { pluralize } from '../../core/text/plural';
import { exportQuestionSet } from '../../core/questions';
import { BUILT_IN_ITEMS } from '../../core/questions/bank';
import type { QuestionSetSummary } from '../../core/records';
import { toBrowseEntries } from '../../core/questions/filter';
import type { BrowseEntry } from '../../core/questions/filter';
import type { StorageState } from './storage.svelte';

export const BANK_NAME = 'Built-in bank';

const BANK_ENTRIES = toBrowseEntries(BUILT_IN_ITEMS, null, BANK_NAME);

export class QuestionSetsState {
  readonly #storage: StorageState;
  #summaries = $state.raw<QuestionSetSummary[]>([]);
  // Items of a saved set never change, so each set's entries are built once and reused.
  #entriesBySet = $state.raw<Readonly<Record<string, BrowseEntry[]>>>({});
  #isLoading = $state(false);
  #pendingDeleteId = $state<string | null>(null);
  #message = $state<string | null>(null);

  constructor(storage: StorageState) {
    this.#storage = storage;
  }

  /** Bank items, then every imported set's items. */
  entries: BrowseEntry[] = $derived([
    ...BANK_ENTRIES,
    ...this.#summaries.flatMap((set) => this.#entriesBySet[set.id] ?? []),
  ]);

  get summaries(): QuestionSetSummary[] {
    return this.#summaries;
  }
  get isLoading(): boolean {
    return this.#isLoading;
  }
  get pendingDeleteId(): string | null {
    return this.#pendingDeleteId;
  }
  /** The outcome of the last delete or export, for a polite live region. */
  get message(): string | null {
    return this.#message;
  }

  /** Reloads the set list, and the items of sets not loaded before. */
  async refresh(): Promise<void> {
    this.#isLoading = true;
    try {
      const known = this.#entriesBySet;
      const loaded = await this.#storage.attempt(async (repos) => {
        const summaries = await repos.questionSets.list();
        const fresh = summaries.filter((s) => known[s.id] === undefined);
        const items = await Promise.all(fresh.map((s) => repos.questionSets.getItems(s.id)));
        return { summaries, fresh, items };
      });
      if (!loaded) return;
      const entries: Record<string, BrowseEntry[]> = {};
      for (const set of loaded.summaries) {
        const index = loaded.fresh.indexOf(set);
        entries[set.id] =
          index >= 0
            ? toBrowseEntries(loaded.items[index] ?? [], set.id, set.name)
            : (known[set.id] ?? []);
      }
      this.#entriesBySet = entries;
      this.#summaries = loaded.summaries;
    } finally {
      this.#isLoading = false;
    }
  }

  askDelete(setId: string): void {
    this.#pendingDeleteId = setId;
  }
  cancelDelete(): void {
    this.#pendingDeleteId = null;
  }

  /** Deletes the set awaiting confirmation, with its items. */
  async confirmDelete(): Promise<void> {
    const set = this.#summaries.find((s) => s.id === this.#pendingDeleteId);
    this.#pendingDeleteId = null;
    if (!set) return;
    this.#message = `Deleting "${set.name}" (${pluralize(set.itemCount, 'item')})…`;
    const isDone = await this.#storage.attempt(async (repos) => {
      await repos.questionSets.delete(set.id);
      return true;
    });
    if (isDone) this.#message = `Deleted "${set.name}" (${pluralize(set.itemCount, 'item')}).`;
    await this.refresh();
  }

  /** A set as Warmth Lab JSON, or null (with a message) when it cannot be exported. */
  async exportSet(setId: string): Promise<{ fileName: string; text: string } | null> {
    const set = this.#summaries.find((s) => s.id === setId);
    const items = await this.#storage.attempt((repos) => repos.questionSets.getItems(setId));
    if (!set || !items) return null;
    try {
      const text = exportQuestionSet(set.name, items);
      this.#message = `Exported "${set.name}" (${pluralize(items.length, 'item')}).`;
      return { fileName: `${slugForFile(set.name)}.warmth-lab.json`, text };
    } catch (error) {
      this.#message = `Could not export "${set.name}": ${(error as Error).message}`;
      return null;
    }
  }
}

/** Hands text to the browser as a file download (the outside world, hence not in core). */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked later: some browsers start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function slugForFile(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'question-set'
  );
}
