/**
 * The accumulator every importer funnels its items through.
 *
 * Owns: row counting, skip bookkeeping, duplicate-id detection and generated-id disambiguation.
 * Invariants: every item that leaves a collector has passed `validateItem`; ids given by the
 * source must be unique (a repeat is fatal, naming both lines); ids we generate get `#n` suffixes.
 */
import type { Item } from '../types';
import type { FormatId } from './formats';
import { ImportError } from './importResult';
import type { ImportResult, SkippedRow } from './importResult';
import { validateItem } from './validate';

/**
 * Accumulates items for one import: validates each, rejects duplicate source ids (naming both
 * lines), and gives generated ids a `#n` suffix when two rows would collide.
 */
export class ItemCollector {
  readonly items: Item[] = [];
  readonly skipped: SkippedRow[] = [];
  rowsRead = 0;
  readonly #lineById = new Map<string, number>();

  /** @param unit What a position counts: "line" for text rows, "element" for JSON arrays. */
  constructor(
    readonly format: FormatId,
    readonly fileName: string,
    public unit: 'line' | 'element' = 'line',
  ) {}

  /** Fails the whole import. */
  fail(detail: string, line?: number): never {
    if (line === undefined || this.unit === 'line')
      throw new ImportError(this.fileName, detail, line);
    throw new ImportError(this.fileName, `element ${line}: ${detail}`);
  }

  /** Validates and keeps an item; a repeated id is fatal. */
  add(item: Item, line: number): void {
    const checked = validateItem(item, `${this.fileName}: ${this.unit} ${line}`);
    const previous = this.#lineById.get(checked.id);
    if (previous !== undefined) {
      const where = `first on ${this.unit} ${previous}, again on ${this.unit} ${line}`;
      this.fail(`duplicate id "${checked.id}" (${where})`);
    }
    this.#lineById.set(checked.id, line);
    this.items.push(checked);
  }

  skip(line: number, reason: string): void {
    this.skipped.push({ line, reason });
  }

  /** Returns `base`, or `base#2`, `base#3`… when a generated id is already taken. */
  uniqueId(base: string): string {
    if (!this.#lineById.has(base)) return base;
    let n = 2;
    while (this.#lineById.has(`${base}#${n}`)) n++;
    return `${base}#${n}`;
  }

  result(): ImportResult {
    return {
      items: this.items,
      report: {
        format: this.format,
        rowsRead: this.rowsRead,
        itemsMade: this.items.length,
        skipped: this.skipped,
      },
    };
  }
}
