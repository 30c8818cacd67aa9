/**
 * Item-source resolution: the one place that turns a design's `items.sources` (the built-in bank
 * and imported question-set ids) into items.
 *
 * Owns: `BUILTIN_SOURCE` and `resolveSources`, used by the builder and runner (which refuse to
 * run with a missing set), the Review view and the Results view (which report it and go on).
 * Invariants: an item id appears once (the first source to provide it wins, as when the run was
 * planned, so pair keys stay unique); a source that is no longer stored is listed in `missing`
 * by id, in source order, never silently dropped.
 */
import { BUILT_IN_ITEMS } from '../questions/bank';
import type { Item } from '../types';

/** The id of the built-in question bank in `items.sources`. */
export const BUILTIN_SOURCE = 'builtin';

/** The slice of the question-sets repository that resolution needs. */
export interface SetReader {
  list(): Promise<{ id: string; name?: string }[]>;
  getItems(setId: string): Promise<Item[]>;
}

export interface ResolvedSources {
  /** Every item of the stored sources, deduplicated by id (first source wins). */
  items: Item[];
  /** Source ids that name no stored question set. */
  missing: string[];
}

/**
 * Resolves sources into items. The repository is asked for the list of sets only when an
 * imported source is named, so a built-in-only design never touches storage.
 */
export async function resolveSources(
  sources: readonly string[],
  reader: SetReader,
): Promise<ResolvedSources> {
  const imported = sources.filter((source) => source !== BUILTIN_SOURCE);
  const known = new Set(imported.length === 0 ? [] : (await reader.list()).map((set) => set.id));
  const parts: (readonly Item[])[] = [];
  const missing: string[] = [];
  for (const source of sources) {
    if (source === BUILTIN_SOURCE) parts.push(BUILT_IN_ITEMS);
    else if (known.has(source)) parts.push(await reader.getItems(source));
    else if (!missing.includes(source)) missing.push(source);
  }
  return { items: dedupeItems(parts.flat()), missing };
}

/** Keeps the first item of each id. */
export function dedupeItems(items: readonly Item[]): Item[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    if (seen.has(item.id)) return false;
    seen.add(item.id);
    return true;
  });
}

/**
 * A typed per-family count, made a whole number in [0, available]. `clampedFrom` is the typed
 * count when it was more than available (for "You asked for 999; 67 available"), else null.
 */
export function clampPerFamily(
  requested: number,
  available: number,
): { value: number; clampedFrom: number | null } {
  const whole = Math.max(0, Math.round(requested));
  if (whole <= available) return { value: whole, clampedFrom: null };
  return { value: available, clampedFrom: whole };
}
