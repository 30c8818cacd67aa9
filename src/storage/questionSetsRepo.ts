/**
 * Imported question sets and their items.
 *
 * Owns: saving an import, listing sets with per-family counts, reading and searching items,
 * deleting a set. Invariants: an import is all-or-nothing — the set record and every item are
 * written in ONE transaction, so a failing item leaves nothing behind; items are keyed by
 * [setId, itemId], so ids are unique within a set; deleting a set deletes its items with it.
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

  constructor(db: WarmthDb, options: QuestionSetsOptions = {}) {
    this.#db = db;
    this.#createId = options.createId ?? (() => crypto.randomUUID());
    this.#now = options.now ?? (() => new Date().toISOString());
  }

  /**
   * Saves a set and all its items in one transaction.
   * @throws StorageError (nothing stored) on a duplicate item id or any failing write.
   */
  async saveSet(input: QuestionSetInput, items: readonly Item[]): Promise<QuestionSetRecord> {
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
    await withTransaction(this.#db, ['questionSets', 'questionItems'], 'readwrite', async (tx) => {
      const store = tx.objectStore('questionItems');
      await allRequests([
        () => tx.objectStore('questionSets').add(record),
        ...items.map(
          (item) => () =>
            store.add({ setId: record.id, itemId: item.id, family: item.family, item }),
        ),
      ]);
    });
    return record;
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

  /** Deletes the set and all its items together. */
  delete(setId: string): Promise<void> {
    return withTransaction(this.#db, ['questionSets', 'questionItems'], 'readwrite', async (tx) => {
      const items = tx.objectStore('questionItems');
      const keys = await items.index('by-set').getAllKeys(setId);
      await allRequests([
        () => tx.objectStore('questionSets').delete(setId),
        ...keys.map((key) => () => items.delete(key)),
      ]);
    });
  }
}
