/**
 * Storage failures in words a user can act on.
 *
 * Owns: `StorageError` and the mapping from IndexedDB's DOMException names to its kinds.
 * Invariant: every error leaving a repository is a `StorageError` whose `message` can be shown
 * as is; the original error is kept as `cause` for the console.
 */

export type StorageErrorKind = 'quota' | 'blocked' | 'unavailable' | 'version' | 'unknown';

export const STORAGE_MESSAGES: Record<StorageErrorKind, string> = {
  quota: 'Browser storage is full: free space or delete old runs; nothing stored was lost.',
  blocked:
    'Warmth Lab is open in another tab with an older version: close that tab (or reload it) to continue.',
  unavailable:
    'This browser does not let Warmth Lab store data here (private browsing?): nothing will be saved after you close the page.',
  version:
    'The saved data was written by a newer version of Warmth Lab: reload the page to get the update.',
  unknown: 'Browser storage failed',
};

/** Told to the UI when another tab upgrades the database and this connection was closed. */
export const VERSION_CHANGE_MESSAGE = 'Warmth Lab was updated in another tab — reload this page.';

export class StorageError extends Error {
  readonly kind: StorageErrorKind;
  constructor(kind: StorageErrorKind, message: string = STORAGE_MESSAGES[kind], cause?: unknown) {
    super(message, { cause });
    this.name = 'StorageError';
    this.kind = kind;
  }
}

function nameOf(error: unknown): string {
  return error !== null && typeof error === 'object' && 'name' in error ? String(error.name) : '';
}

function messageOf(error: unknown): string {
  if (error !== null && typeof error === 'object' && 'message' in error) {
    return String(error.message);
  }
  return String(error);
}

/**
 * Maps any failure of a storage operation to a `StorageError`.
 * @param transactionError the transaction's own `error`: when a request fails, the error the
 *   caller sees is often just "AbortError", while the transaction knows it was the quota.
 */
export function toStorageError(error: unknown, transactionError?: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const specific =
    nameOf(error) === 'AbortError' && transactionError != null ? transactionError : error;
  switch (nameOf(specific)) {
    case 'QuotaExceededError':
      return new StorageError('quota', undefined, specific);
    case 'VersionError':
      return new StorageError('version', undefined, specific);
    case 'SecurityError':
      return new StorageError('unavailable', undefined, specific);
    default:
      return new StorageError(
        'unknown',
        `${STORAGE_MESSAGES.unknown}: ${messageOf(specific)}`,
        specific,
      );
  }
}
