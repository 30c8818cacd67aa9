/**
 * The app's connection to IndexedDB, opened once and shared by every view.
 *
 * Owns: opening the database, the user-facing storage problem (blocked by another tab, private
 * mode, full disk, updated elsewhere) and lazily built repositories. Invariant: components never
 * touch IndexedDB; they call repositories obtained here.
 */
import { openWarmthDb } from '../../storage/db';
import { createRepositories, type Repositories } from '../../storage';
import { StorageError } from '../../storage/errors';
import type { WarmthDb } from '../../storage/schema';
import { testDatabaseVersion } from '../testBuild';

export class StorageState {
  #problem = $state<string | null>(null);
  #dbPromise: Promise<WarmthDb> | null = null;
  #repos: Repositories | null = null;

  /** A storage problem to show in a banner, or null. */
  get problem(): string | null {
    return this.#problem;
  }

  /** Shows a storage error from any repository call (quota, blocked…) in the banner. */
  report(error: unknown): void {
    this.#problem =
      error instanceof StorageError
        ? error.message
        : `Storage failed: ${error instanceof Error ? error.message : String(error)}`;
  }

  clearProblem(): void {
    this.#problem = null;
  }

  /** The open database; rejects with a StorageError that is also shown in the banner. */
  db(): Promise<WarmthDb> {
    this.#dbPromise ??= openWarmthDb({
      version: testDatabaseVersion(globalThis.location?.search ?? ''),
      onBlocked: (error) => (this.#problem = error.message),
      onVersionChange: (message) => (this.#problem = message),
    }).then(
      (db) => {
        this.#problem = null;
        return db;
      },
      (error: unknown) => {
        this.report(error);
        this.#dbPromise = null;
        throw error;
      },
    );
    return this.#dbPromise;
  }

  /** Every repository over the one open connection. */
  async repos(): Promise<Repositories> {
    const db = await this.db();
    if (this.#repos?.db !== db) this.#repos = createRepositories(db);
    return this.#repos;
  }

  /**
   * Runs a storage action, showing any failure in the banner; resolves to undefined on failure
   * so callers can carry on (nothing already stored is touched by a failed write).
   */
  async attempt<T>(action: (repos: Repositories) => Promise<T>): Promise<T | undefined> {
    try {
      return await action(await this.repos());
    } catch (error) {
      this.report(error);
      return undefined;
    }
  }
}
