/**
 * Playground history: side-by-side comparisons of arms answering one framed question.
 *
 * Owns: storing comparisons while their answers stream in and listing them newest first.
 * Invariants: a comparison is saved when it starts and again as answers grow, so a reload keeps
 * whatever had arrived; updating one arm rewrites only that arm, in one transaction, so
 * concurrent arm updates do not overwrite each other.
 */
import type { Comparison, ComparisonArm } from '../core/records';
import { withTransaction } from './db';
import { StorageError } from './errors';
import type { WarmthDb } from './schema';

export class ComparisonsRepo {
  readonly #db: WarmthDb;

  constructor(db: WarmthDb) {
    this.#db = db;
  }

  /** Stores a new comparison (or replaces one with the same id). */
  async add(comparison: Comparison): Promise<void> {
    await withTransaction(this.#db, ['comparisons'], 'readwrite', (tx) => tx.store.put(comparison));
  }

  /** Replaces a stored comparison as a whole (e.g. the final answers). */
  async update(comparison: Comparison): Promise<void> {
    await this.add(comparison);
  }

  /** Merges `patch` into one arm (matched by armId); use it for partial, streaming answers. */
  updateArm(id: string, armId: string, patch: Partial<ComparisonArm>): Promise<Comparison> {
    return withTransaction(this.#db, ['comparisons'], 'readwrite', async (tx) => {
      const stored = await tx.store.get(id);
      const index = stored?.arms.findIndex((arm) => arm.armId === armId) ?? -1;
      if (stored === undefined || index < 0) {
        throw new StorageError('unknown', `No comparison '${id}' with an arm '${armId}'.`);
      }
      const arms = stored.arms.map((arm, i) => (i === index ? { ...arm, ...patch, armId } : arm));
      const updated = { ...stored, arms };
      await tx.store.put(updated);
      return updated;
    });
  }

  get(id: string): Promise<Comparison | undefined> {
    return withTransaction(this.#db, ['comparisons'], 'readonly', (tx) => tx.store.get(id));
  }

  /** Newest first; `limit` keeps long histories cheap to show. */
  list(limit = Number.POSITIVE_INFINITY): Promise<Comparison[]> {
    return withTransaction(this.#db, ['comparisons'], 'readonly', async (tx) => {
      const found: Comparison[] = [];
      let cursor = await tx.store.index('by-createdAt').openCursor(null, 'prev');
      while (cursor !== null && found.length < limit) {
        found.push(cursor.value);
        cursor = await cursor.continue();
      }
      return found;
    });
  }

  async delete(id: string): Promise<void> {
    await withTransaction(this.#db, ['comparisons'], 'readwrite', (tx) => tx.store.delete(id));
  }

  async clear(): Promise<void> {
    await withTransaction(this.#db, ['comparisons'], 'readwrite', (tx) => tx.store.clear());
  }
}
