/**
 * Browsing the question bank and imported sets: entries, filters and pages.
 *
 * Owns: the flat list the Questions view browses (built-in items first, then each imported set),
 * the filter by source, family and text, and page arithmetic. Invariants: pure functions, no
 * Svelte; an entry's `key` is unique across all sources (item ids only need to be unique within
 * one set); text search covers the question and every answer, case-insensitively.
 */
import type { Family, Item } from '../types';

/** Source value of the built-in bank; anything else names an imported set by id. */
export const BANK_SOURCE_ID = 'bank';
export const ALL_SOURCES = 'all';
export const PAGE_SIZE = 20;

export interface BrowseEntry {
  /** `bank:<itemId>` or `set:<setId>:<itemId>`. */
  key: string;
  /** Null for the built-in bank. */
  setId: string | null;
  setName: string;
  item: Item;
  /** Lower-cased question and answers, computed once per entry for fast searching. */
  haystack: string;
}

export interface BrowseFilter {
  /** `all`, `bank` or an imported set's id. */
  source: string;
  family: Family | 'all';
  text: string;
}

export interface Page<T> {
  rows: T[];
  /** 0-based page index, clamped to the available pages. */
  page: number;
  pageCount: number;
  /** 1-based positions of the first and last row shown (0 and 0 when empty). */
  first: number;
  last: number;
  total: number;
}

/** Every piece of text a user might search for in an item, lower-cased. */
export function searchableText(item: Item): string {
  const options = item.family === 'medical' ? item.options : [];
  return [item.question, item.correct, ...item.aliases, ...item.wrong, ...options]
    .join('\n')
    .toLowerCase();
}

/** Wraps the items of one source (the bank when `setId` is null) as browse entries. */
export function toBrowseEntries(
  items: readonly Item[],
  setId: string | null,
  setName: string,
): BrowseEntry[] {
  const prefix = setId === null ? 'bank:' : `set:${setId}:`;
  return items.map((item) => ({
    key: `${prefix}${item.id}`,
    setId,
    setName,
    item,
    haystack: searchableText(item),
  }));
}

function matchesSource(entry: BrowseEntry, source: string): boolean {
  if (source === ALL_SOURCES) return true;
  if (source === BANK_SOURCE_ID) return entry.setId === null;
  return entry.setId === source;
}

/** The entries that pass every filter, in their original order. */
export function filterEntries(
  entries: readonly BrowseEntry[],
  filter: BrowseFilter,
): BrowseEntry[] {
  const needle = filter.text.trim().toLowerCase();
  return entries.filter(
    (entry) =>
      matchesSource(entry, filter.source) &&
      (filter.family === 'all' || entry.item.family === filter.family) &&
      (needle === '' || entry.haystack.includes(needle)),
  );
}

/** One page of `rows`; a page index past the end shows the last page. */
export function pageOf<T>(rows: readonly T[], page: number, size = PAGE_SIZE): Page<T> {
  const pageCount = Math.max(1, Math.ceil(rows.length / size));
  const safePage = Math.min(Math.max(0, Math.floor(page)), pageCount - 1);
  const start = safePage * size;
  const shown = rows.slice(start, start + size);
  return {
    rows: shown,
    page: safePage,
    pageCount,
    first: shown.length > 0 ? start + 1 : 0,
    last: start + shown.length,
    total: rows.length,
  };
}
