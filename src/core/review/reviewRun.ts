/**
 * Reading one run for review: its answers, the items they answered and the stored human labels.
 *
 * Owns: resolving a run's item sources (the built-in bank and imported question sets) into a
 * lookup by item id. Reads through `RunReader`, the few repository methods it needs, so the core
 * names no storage module (the app passes its IndexedDB repositories, tests a plain object).
 * Invariants: the first source to provide an id wins (as when the run was planned); a question
 * set that is no longer stored is reported by id, never silently dropped.
 */
import type { HumanLabel as StoredLabel, RunRecord } from '../records';
import { BUILT_IN_ITEMS } from '../questions/bank';
import type { Item, ResponseRecord } from '../types';

/** The repository methods `loadRun` reads through (the storage layer's repositories fit). */
export interface RunReader {
  runs: { listResults(runId: string): Promise<ResponseRecord[]> };
  labels: { list(): Promise<StoredLabel[]> };
  questionSets: {
    getSet(setId: string): Promise<unknown>;
    getItems(setId: string): Promise<Item[]>;
  };
}

const BUILTIN_SOURCE = 'builtin';

/** The item lookup before any run is open. */
export const EMPTY_ITEMS: ReadonlyMap<string, Item> = new Map();

export interface LoadedRun {
  records: ResponseRecord[];
  items: ReadonlyMap<string, Item>;
  labels: StoredLabel[];
  /** Question-set ids the run used that are no longer stored. */
  missingSources: string[];
}

/** Reads the run's answers, items and every stored label. */
export async function loadRun(
  repos: RunReader,
  runId: string,
  run: RunRecord | undefined,
): Promise<LoadedRun> {
  const records = await repos.runs.listResults(runId);
  const labels = await repos.labels.list();
  // A run made by an older design may lack a selection; the built-in bank is the default.
  const sources = run?.design.items?.sources ?? [BUILTIN_SOURCE];
  const items = new Map<string, Item>();
  const missingSources: string[] = [];
  for (const source of sources) {
    if (source === BUILTIN_SOURCE) {
      for (const item of BUILT_IN_ITEMS) if (!items.has(item.id)) items.set(item.id, item);
      continue;
    }
    if ((await repos.questionSets.getSet(source)) === undefined) {
      missingSources.push(source);
      continue;
    }
    for (const item of await repos.questionSets.getItems(source)) {
      if (!items.has(item.id)) items.set(item.id, item);
    }
  }
  return { records, items, labels, missingSources };
}
