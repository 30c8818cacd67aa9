/**
 * The bank browser's state: filters, the current page and the selected item.
 *
 * Owns: the source / family / text filters, the page index and the selected entry's key.
 * Invariants: filtered rows and the page are derived, never stored; changing a filter goes back
 * to the first page; the selection falls back to the first entry when its item disappears
 * (e.g. its set was deleted), so the detail panel and the composer always have an item.
 */
import type { Family } from '../../core/types';
import { ALL_SOURCES, filterEntries, pageOf } from '../../core/questions/filter';
import type { BrowseEntry, Page } from '../../core/questions/filter';

export class QuestionBrowserState {
  readonly #entries: () => BrowseEntry[];
  #source = $state(ALL_SOURCES);
  #family = $state<Family | 'all'>('all');
  #text = $state('');
  #page = $state(0);
  #selectedKey = $state<string | null>(null);

  constructor(entries: () => BrowseEntry[]) {
    this.#entries = entries;
  }

  // $derived.by: the entries getter is assigned in the constructor, after field initialisers.
  filtered: BrowseEntry[] = $derived.by(() =>
    filterEntries(this.#entries(), {
      source: this.#source,
      family: this.#family,
      text: this.#text,
    }),
  );

  page: Page<BrowseEntry> = $derived(pageOf(this.filtered, this.#page));

  selected: BrowseEntry | null = $derived.by(() => {
    const entries = this.#entries();
    return entries.find((entry) => entry.key === this.#selectedKey) ?? entries[0] ?? null;
  });

  get source(): string {
    return this.#source;
  }
  get family(): Family | 'all' {
    return this.#family;
  }
  get text(): string {
    return this.#text;
  }

  setSource(source: string): void {
    this.#source = source;
    this.#page = 0;
  }
  setFamily(family: Family | 'all'): void {
    this.#family = family;
    this.#page = 0;
  }
  setText(text: string): void {
    this.#text = text;
    this.#page = 0;
  }
  goToPage(page: number): void {
    this.#page = Math.min(Math.max(0, page), this.page.pageCount - 1);
  }
  select(key: string): void {
    this.#selectedKey = key;
  }
}
