/**
 * Opening the Warmth Lab database and running transactions on it.
 *
 * Owns: the connection life cycle (upgrade, another tab holding an old version, another tab
 * upgrading) and the transaction helper every repository uses. Invariants: a connection closes
 * itself when another tab needs a newer version, and the UI is told; a transaction either
 * commits entirely or is aborted, and its failure surfaces as a `StorageError`.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import { wrap } from 'idb';
import { StorageError, VERSION_CHANGE_MESSAGE, toStorageError } from './errors';
import type { UpgradeTransaction, WarmthDb, WarmthSchema } from './schema';
import { DB_NAME, DB_VERSION, upgradeWarmthDb } from './schema';

export interface OpenOptions {
  name?: string;
  /** The factory to use (tests pass fake-indexeddb's); defaults to the browser's. */
  indexedDB?: IDBFactory;
  /** Schema version to open; only tests open an older one. */
  version?: number;
  /**
   * Another tab holds an older version open. With this callback the open keeps waiting (it
   * succeeds once that tab closes); without it the open fails with the 'blocked' error.
   */
  onBlocked?: (error: StorageError) => void;
  /** Another tab upgraded the database; this connection is already closed. */
  onVersionChange?: (message: string) => void;
}

function findFactory(options: OpenOptions): IDBFactory | undefined {
  if (options.indexedDB !== undefined) return options.indexedDB;
  return (globalThis as { indexedDB?: IDBFactory }).indexedDB;
}

function startOpen(factory: IDBFactory, name: string, version: number): IDBOpenDBRequest {
  try {
    return factory.open(name, version);
  } catch (error) {
    // Some browsers throw here in private mode or for opaque origins.
    throw new StorageError('unavailable', undefined, error);
  }
}

/**
 * Opens (creating or upgrading as needed) the Warmth Lab database.
 * @throws StorageError 'unavailable' without IndexedDB, 'blocked' when another tab holds an
 *   old version and no `onBlocked` is given, 'version' when the stored data is newer.
 */
export async function openWarmthDb(options: OpenOptions = {}): Promise<WarmthDb> {
  const factory = findFactory(options);
  if (factory === undefined) throw new StorageError('unavailable');
  const version = options.version ?? DB_VERSION;
  const request = startOpen(factory, options.name ?? DB_NAME, version);
  return new Promise<WarmthDb>((resolve, reject) => {
    let isSettled = false;
    request.onupgradeneeded = (event) => {
      const db = wrap(request.result) as unknown as WarmthDb;
      const tx = wrap(request.transaction as IDBTransaction) as unknown as UpgradeTransaction;
      upgradeWarmthDb(db, event.oldVersion, event.newVersion ?? version, tx);
    };
    request.onblocked = () => {
      const error = new StorageError('blocked');
      if (options.onBlocked !== undefined) return options.onBlocked(error);
      isSettled = true;
      reject(error);
    };
    request.onsuccess = () => {
      const connection = request.result;
      // We already gave up on this open (blocked): do not keep an unused connection around.
      if (isSettled) return connection.close();
      connection.onversionchange = () => {
        connection.close();
        options.onVersionChange?.(VERSION_CHANGE_MESSAGE);
      };
      isSettled = true;
      resolve(wrap(connection) as unknown as WarmthDb);
    };
    request.onerror = () => {
      if (!isSettled) reject(toStorageError(request.error));
      isSettled = true;
    };
  });
}

// `const` inference keeps a literal list like ['runs'] a tuple, so `tx.store` is typed.
type Stores = readonly StoreNames<WarmthSchema>[];

function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already committed or aborted: nothing left to undo.
  }
}

/**
 * Runs `work` in one transaction over `stores`. If `work` throws (or a request fails), the
 * transaction is aborted, so none of its writes persist, and a `StorageError` is thrown.
 * `work` must only await requests of this transaction, or the transaction commits early.
 */
export async function withTransaction<
  const Names extends Stores,
  Mode extends IDBTransactionMode,
  R,
>(
  db: WarmthDb,
  stores: Names,
  mode: Mode,
  work: (tx: IDBPTransaction<WarmthSchema, Names, Mode>) => Promise<R>,
): Promise<R> {
  let tx: IDBPTransaction<WarmthSchema, Names, Mode>;
  try {
    tx = db.transaction(stores, mode);
  } catch (error) {
    throw toStorageError(error);
  }
  // Observed up front so that an abort does not also surface as an unhandled rejection.
  const done = tx.done.then(
    () => null,
    (error: unknown) => error,
  );
  try {
    const result = await work(tx);
    const failure = await done;
    if (failure !== null) throw failure;
    return result;
  } catch (error) {
    abortQuietly(tx);
    throw toStorageError(error, tx.error);
  }
}

/**
 * Issues several requests of one transaction and waits for all of them. When issuing one throws
 * (e.g. a value that cannot be cloned), the requests already issued are silenced before
 * rethrowing: the transaction is being aborted, and their AbortErrors would otherwise surface
 * as unhandled rejections.
 */
export async function allRequests(issue: readonly (() => Promise<unknown>)[]): Promise<void> {
  const issued: Promise<unknown>[] = [];
  try {
    for (const start of issue) issued.push(start());
  } catch (error) {
    for (const request of issued) request.catch(() => undefined);
    throw error;
  }
  await Promise.all(issued);
}
