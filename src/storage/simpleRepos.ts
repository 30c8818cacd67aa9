/**
 * Small keyed collections: user framings, saved designs and custom models (labels extend the
 * shared base in labelsRepo.ts).
 *
 * Owns: put/get/list/delete over one store each. Invariants: records go in and come out as the
 * core types, unchanged; lists have a stable order (documented per repository); duplicating a
 * design never changes the original.
 */
import type { ExperimentDesign } from '../core/experiment/design';
import type { StoredFraming } from '../core/records';
import { withTransaction } from './db';
import { StorageError } from './errors';
import type { StoredModel, WarmthDb, WarmthSchema } from './schema';

type KeyedStore = 'framings' | 'designs' | 'labels' | 'models';

/** Shared put/get/list/delete for stores keyed by a string. */
export class KeyedRepo<Name extends KeyedStore, Value> {
  protected readonly db: WarmthDb;
  readonly #store: Name;

  constructor(db: WarmthDb, store: Name) {
    this.db = db;
    this.#store = store;
  }

  async put(value: Value): Promise<void> {
    // The cast is sound: each subclass fixes Value to its store's value type.
    const stored = value as unknown as WarmthSchema[Name]['value'];
    await withTransaction(this.db, [this.#store], 'readwrite', (tx) => tx.store.put(stored));
  }

  async get(key: string): Promise<Value | undefined> {
    const found = await withTransaction(this.db, [this.#store], 'readonly', (tx) =>
      tx.store.get(key),
    );
    return found as Value | undefined;
  }

  /** In key order. */
  async list(): Promise<Value[]> {
    const all = await withTransaction(this.db, [this.#store], 'readonly', (tx) =>
      tx.store.getAll(),
    );
    return all as Value[];
  }

  async delete(key: string): Promise<void> {
    await withTransaction(this.db, [this.#store], 'readwrite', (tx) => tx.store.delete(key));
  }
}

/** User-written contexts and beliefs, in id order. */
export class FramingsRepo extends KeyedRepo<'framings', StoredFraming> {
  constructor(db: WarmthDb) {
    super(db, 'framings');
  }
}

/** Custom model records, opaque beyond their `id`, in id order. */
export class ModelsRepo<Model extends { id: string } = StoredModel> extends KeyedRepo<
  'models',
  Model
> {
  constructor(db: WarmthDb) {
    super(db, 'models');
  }
}

/** Saved experiment designs. */
export class DesignsRepo extends KeyedRepo<'designs', ExperimentDesign> {
  constructor(db: WarmthDb) {
    super(db, 'designs');
  }

  /** Newest first. */
  override async list(): Promise<ExperimentDesign[]> {
    const designs = await super.list();
    return designs.sort((a, b) =>
      a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0,
    );
  }

  /** Stores a copy under `newId`, named "<name> (copy)" unless a name is given. */
  async duplicate(
    id: string,
    copy: { newId: string; createdAt: string; name?: string },
  ): Promise<ExperimentDesign> {
    const original = await this.get(id);
    if (original === undefined) throw new StorageError('unknown', `No saved design '${id}'.`);
    const duplicated: ExperimentDesign = {
      ...structuredClone(original),
      id: copy.newId,
      name: copy.name ?? `${original.name} (copy)`,
      createdAt: copy.createdAt,
    };
    await this.put(duplicated);
    return duplicated;
  }
}
