/**
 * Reading one run for review: its answers, the items they answered and the stored human labels.
 *
 * Owns: the run's item lookup by id, from `resolveSources` (core/experiment/sources.ts). Reads
 * through `RunReader`, the few repository methods it needs, so the core names no storage module
 * (the app passes its IndexedDB repositories, tests a plain object).
 * Invariants: the first source to provide an id wins (as when the run was planned); a question
 * set that is no longer stored is reported by id, never silently dropped.
 */
import type { HumanLabel as StoredLabel, RunRecord } from '../records';
import { BUILTIN_SOURCE, resolveSources, type SetReader } from '../experiment/sources';
import type { Item, ResponseRecord } from '../types';

/** The repository methods `loadRun` reads through (the storage layer's repositories fit). */
export interface RunReader {
  runs: { listResults(runId: string): Promise<ResponseRecord[]> };
  labels: { list(): Promise<StoredLabel[]> };
  questionSets: SetReader;
}

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
  const resolved = await resolveSources(sources, repos.questionSets);
  const items = new Map(resolved.items.map((item) => [item.id, item]));
  const missingSources = resolved.missing;
  return { records, items, labels, missingSources };
}
