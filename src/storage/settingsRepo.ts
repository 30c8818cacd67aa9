/**
 * Key/value settings, including remote endpoint configurations with their API keys.
 *
 * Owns: settings persistence and what may leave the device. Invariants: API keys and other
 * secrets are stored locally only; `exportableSettings` returns a deep copy with every
 * secret-looking field removed, so an exported or shared settings file never carries a key.
 */
import type { EndpointConfig } from '../core/records';
import { withTransaction } from './db';
import type { WarmthDb } from './schema';

export const ENDPOINTS_KEY = 'endpoints';
/** Field names treated as secrets anywhere in a setting's value. */
const SECRET_FIELD = /^(api[-_]?key|token|secret|password|authorization)$/i;

/** A deep copy of `value` without secret-looking fields. */
export function stripSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripSecrets);
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [field, inner] of Object.entries(value)) {
    if (!SECRET_FIELD.test(field)) copy[field] = stripSecrets(inner);
  }
  return copy;
}

export class SettingsRepo {
  readonly #db: WarmthDb;

  constructor(db: WarmthDb) {
    this.#db = db;
  }

  /** The stored value, or `fallback` when unset. The caller knows the type it stored. */
  async get<T>(key: string, fallback: T): Promise<T> {
    const row = await withTransaction(this.#db, ['settings'], 'readonly', (tx) =>
      tx.store.get(key),
    );
    return row === undefined ? fallback : (row.value as T);
  }

  async set(key: string, value: unknown): Promise<void> {
    await withTransaction(this.#db, ['settings'], 'readwrite', (tx) =>
      tx.store.put({ key, value }),
    );
  }

  async delete(key: string): Promise<void> {
    await withTransaction(this.#db, ['settings'], 'readwrite', (tx) => tx.store.delete(key));
  }

  /** Every setting as a key → value object (secrets included: for this device only). */
  async all(): Promise<Record<string, unknown>> {
    const rows = await withTransaction(this.#db, ['settings'], 'readonly', (tx) =>
      tx.store.getAll(),
    );
    return Object.fromEntries(rows.map((row) => [row.key, row.value]));
  }

  getEndpoints(): Promise<EndpointConfig[]> {
    return this.get<EndpointConfig[]>(ENDPOINTS_KEY, []);
  }

  saveEndpoints(endpoints: readonly EndpointConfig[]): Promise<void> {
    return this.set(ENDPOINTS_KEY, endpoints);
  }

  /** All settings with API keys and other secrets removed, safe to export or share. */
  async exportableSettings(): Promise<Record<string, unknown>> {
    return stripSecrets(await this.all()) as Record<string, unknown>;
  }
}
