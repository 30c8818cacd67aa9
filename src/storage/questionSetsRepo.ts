/**
 * Imported question sets and their items.
 *
 * Owns: saving an import, listing sets with per-family counts, reading and searching items,
 * deleting a set. Invariants: an import is all-or-nothing as the user sees it — items are
 * written in short batches (so a 188k-row set never holds the main thread for long) and the set
 * record, which is what makes a set exist, goes last; a failing batch removes the items already
 * written, and items a closed tab left without a record are swept (`sweepOrphans`); items are
 * keyed by [setId, itemId], so ids are unique within a set; deleting a set deletes its items
 * with it, in one transaction and one range request.
 */
import type { QuestionSetInput, QuestionSetRecord, QuestionSetSummary } from '../core/records';
import type { Family, Item } from '../core/types';
import { FAMILIES } from '../core/types';
import { allRequests, withTransaction } from './db';
import { StorageError } from './errors';
import type { WarmthDb } from './schema';

export interface ItemHit {
  setId: string;
  item: Item;
}

export interface QuestionSetsOptions {
  createId?: () => string;
  now?: () => string;
  /** Items per write transaction (default 200: well under 200 ms of main-thread work each). */
  batchSize?: number;
}

export interface SaveProgress {
  saved: number;
  total: number;
}

const DEFAULT_BATCH_SIZE = 200;

/** Every item key of a set: [setId, itemId] with any itemId (arrays sort after strings). */
function itemRange(setId: string): IDBKeyRange {
  return IDBKeyRange.bound([setId], [setId, []]);
}

/** Lets the page paint and handle input between two batches. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function findDuplicateId(items: readonly Item[]): string | undefined {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) return item.id;
    seen.add(item.id);
  }
  return undefined;
}

/** Every piece of text of an item a user might search for, lower-cased. */
function searchableText(item: Item): string {
  const options = item.family === 'medical' ? item.options : [];
  return [item.question, item.correct, ...item.aliases, ...item.wrong, ...options]
    .join('\n')
    .toLowerCase();
}

export class QuestionSetsRepo {
  readonly #db: WarmthDb;
  readonly #createId: () => string;
  readonly #now: () => string;
  readonly #batchSize: number;

  constructor(db: WarmthDb, options: QuestionSetsOptions = {}) {
    this.#db = db;
    this.#createId = options.createId ?? (() => crypto.randomUUID());
    this.#now = options.now ?? (() => new Date().toISOString());
    this.#batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  }

  /**
   * Saves a set and all its items: items in batches (reporting progress, yielding between
   * batches), then the set record. Nothing is visible until the record is written.
   * @throws StorageError (nothing kept) on a duplicate item id or any failing write.
   */
  async saveSet(
    input: QuestionSetInput,
    items: readonly Item[],
    onProgress?: (progress: SaveProgress) => void,
  ): Promise<QuestionSetRecord> {
    const duplicate = findDuplicateId(items);
    if (duplicate !== undefined) {
      throw new StorageError(
        'unknown',
        `'${input.fileName}' has the item id '${duplicate}' twice; nothing was imported.`,
      );
    }
    const record: QuestionSetRecord = {
      ...input,
      id: this.#createId(),
      createdAt: this.#now(),
      itemCount: items.length,
    };
    try {
      for (let start = 0; start < items.length; start += this.#batchSize) {
        await this.#addItems(record.id, items.slice(start, start + this.#batchSize));
        onProgress?.({
          saved: Math.min(start + this.#batchSize, items.length),
          total: items.length,
        });
        await yieldToEventLoop();
      }
      await this.#commit(record);
    } catch (error) {
      await this.#deleteItems(record.id).catch(() => undefined);
      throw error;
    }
    return record;
  }

  /** Writes the record only if every item is there (another tab's sweep could remove some). */
  #commit(record: QuestionSetRecord): Promise<void> {
    return withTransaction(this.#db, ['questionSets', 'questionItems'], 'readwrite', async (tx) => {
      const stored = await tx.objectStore('questionItems').index('by-set').count(record.id);
      if (stored !== record.itemCount) {
        throw new StorageError(
          'unknown',
          `Saving '${record.fileName}' was interrupted (${stored} of ${record.itemCount} items stored); nothing was imported.`,
        );
      }
      await tx.objectStore('questionSets').add(record);
    });
  }

  #addItems(setId: string, batch: readonly Item[]): Promise<void> {
    return withTransaction(this.#db, ['questionItems'], 'readwrite', async (tx) => {
      await allRequests(
        batch.map(
          (item) => () => tx.store.add({ setId, itemId: item.id, family: item.family, item }),
        ),
      );
    });
  }

  #deleteItems(setId: string): Promise<void> {
    return withTransaction(this.#db, ['questionItems'], 'readwrite', (tx) =>
      tx.store.delete(itemRange(setId)),
    );
  }

  /** Deletes items whose set record is missing (a save cut short by a closed tab). */
  async sweepOrphans(): Promise<number> {
    const orphans = await withTransaction(
      this.#db,
      ['questionSets', 'questionItems'],
      'readonly',
      async (tx) => {
        const known = new Set(await tx.objectStore('questionSets').getAllKeys());
        const found: string[] = [];
        let cursor = await tx
          .objectStore('questionItems')
          .index('by-set')
          .openKeyCursor(null, 'nextunique');
        while (cursor) {
          if (!known.has(cursor.key)) found.push(cursor.key);
          cursor = await cursor.continue();
        }
        return found;
      },
    );
    for (const setId of orphans) await this.#deleteItems(setId);
    return orphans.length;
  }

  /** Every set, newest first, with its number of items per family. */
  list(): Promise<QuestionSetSummary[]> {
    return withTransaction(this.#db, ['questionSets', 'questionItems'], 'readonly', async (tx) => {
      const sets = await tx.objectStore('questionSets').getAll();
      const byFamily = tx.objectStore('questionItems').index('by-set-family');
      const summaries = await Promise.all(
        sets.map(async (set) => {
          const counts = await Promise.all(FAMILIES.map((f) => byFamily.count([set.id, f])));
          const familyCounts = Object.fromEntries(
            FAMILIES.map((f, i) => [f, counts[i] ?? 0]),
          ) as Record<Family, number>;
          return { ...set, familyCounts };
        }),
      );
      return summaries.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
    });
  }

  getSet(setId: string): Promise<QuestionSetRecord | undefined> {
    return withTransaction(this.#db, ['questionSets'], 'readonly', (tx) => tx.store.get(setId));
  }

  /** The set's items, in item-id order. */
  async getItems(setId: string): Promise<Item[]> {
    const rows = await withTransaction(this.#db, ['questionItems'], 'readonly', (tx) =>
      tx.store.index('by-set').getAll(setId),
    );
    return rows.map((row) => row.item);
  }

  /** Items of any set whose question or answers contain `text` (case-insensitive). */
  search(text: string, limit = 50): Promise<ItemHit[]> {
    const needle = text.trim().toLowerCase();
    return withTransaction(this.#db, ['questionItems'], 'readonly', async (tx) => {
      const hits: ItemHit[] = [];
      if (needle === '') return hits;
      let cursor = await tx.store.openCursor();
      while (cursor !== null && hits.length < limit) {
        const row = cursor.value;
        if (searchableText(row.item).includes(needle))
          hits.push({ setId: row.setId, item: row.item });
        cursor = await cursor.continue();
      }
      return hits;
    });
  }

  /** Deletes the set and all its items together (one transaction, one range request). */
  delete(setId: string): Promise<void> {
    return withTransaction(this.#db, ['questionSets', 'questionItems'], 'readwrite', async (tx) => {
      await allRequests([
        () => tx.objectStore('questionSets').delete(setId),
        () => tx.objectStore('questionItems').delete(itemRange(setId)),
      ]);
    });
  }
}
