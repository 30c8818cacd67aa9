/**
 * Restoring results bundles into this browser (a workshop moving runs between machines).
 *
 * Owns: reading the picked bundle files, handing them to storage's `restoreBundles` and the
 * message shown afterwards. Invariants: all-or-nothing across the picked files — an unreadable
 * file or any clash restores nothing and says why, file by file; nothing stored is overwritten.
 */
import { BUILT_IN_ITEMS } from '../../core/questions/bank';
import { parseBundle } from '../../core/results';
import type { ResultsBundle } from '../../core/results';
import { restoreBundles } from '../../storage';
import type { StorageState } from './storage.svelte';

const BUILTIN_IDS: ReadonlySet<string> = new Set(BUILT_IN_ITEMS.map((item) => item.id));

/** A picked file: its name and a way to read its text (a `File` in the browser). */
export interface RestoreFile {
  name: string;
  text(): Promise<string>;
}

export class BundleRestoreState {
  readonly #storage: StorageState;
  readonly #onRestored: () => void;
  #isBusy = $state(false);
  #message = $state('');
  #problems = $state.raw<string[]>([]);

  constructor(storage: StorageState, onRestored: () => void) {
    this.#storage = storage;
    this.#onRestored = onRestored;
  }

  get isBusy(): boolean {
    return this.#isBusy;
  }
  /** What the last restore did, in words. */
  get message(): string {
    return this.#message;
  }
  /** Why the last restore wrote nothing: one line per problem. */
  get problems(): readonly string[] {
    return this.#problems;
  }

  /** Restores every picked bundle, or none of them. */
  async restore(files: readonly RestoreFile[]): Promise<void> {
    if (this.#isBusy || files.length === 0) return;
    this.#isBusy = true;
    this.#message = '';
    this.#problems = [];
    try {
      const bundles = await readBundles(files);
      if ('problems' in bundles) return this.#refuse(bundles.problems);
      const outcome = await this.#storage.attempt((repos) =>
        restoreBundles(repos.db, bundles.entries, BUILTIN_IDS),
      );
      if (!outcome) return this.#refuse(['Storage failed: see the message above.']);
      if (!outcome.ok) return this.#refuse(outcome.clashes);
      this.#message = outcome.summaries.join(' ');
      this.#onRestored();
    } finally {
      this.#isBusy = false;
    }
  }

  #refuse(problems: string[]): void {
    this.#message = 'Nothing was restored:';
    this.#problems = problems;
  }
}

async function readBundles(
  files: readonly RestoreFile[],
): Promise<{ entries: { fileName: string; bundle: ResultsBundle }[] } | { problems: string[] }> {
  const entries: { fileName: string; bundle: ResultsBundle }[] = [];
  const problems: string[] = [];
  for (const file of files) {
    try {
      entries.push({ fileName: file.name, bundle: parseBundle(await file.text(), file.name) });
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  return problems.length > 0 ? { problems } : { entries };
}
