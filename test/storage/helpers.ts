/**
 * Test helpers: a fresh fake-indexeddb factory per test, so tests never share a database.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openWarmthDb } from '../../src/storage/db';
import type { OpenOptions } from '../../src/storage/db';
import type { WarmthDb } from '../../src/storage/schema';

export function newFactory(): IDBFactory {
  return new IDBFactory();
}

export function openTestDb(options: OpenOptions = {}): Promise<WarmthDb> {
  return openWarmthDb({ indexedDB: newFactory(), ...options });
}

/** Ticking ISO timestamps: 2025-01-01T00:00:01Z, …:02Z, … */
export function makeClock(): () => string {
  let second = 0;
  return () => new Date(Date.UTC(2025, 0, 1, 0, 0, ++second)).toISOString();
}
