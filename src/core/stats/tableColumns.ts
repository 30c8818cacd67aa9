/**
 * Storage helpers of the analysis table builder (analysisRows.ts): level dictionaries that give
 * strings dense integer codes, the typed-array columns and their limits, and cell access by
 * column index. Invariant: a code is the value's position in first-seen order until the
 * builder's `finish()` sorts the levels.
 */
import type { TableLevels } from './analysisRows';

export type LevelKey = keyof TableLevels;

/** Assigns dense codes to strings in first-seen order. */
export class LevelDictionary {
  readonly values: string[] = [];
  readonly #codes = new Map<string, number>();

  /** The last value found: results files list rows in runs of one model, dataset, prompt… */
  #lastValue: string | undefined;
  #lastCode = -1;

  /** The code of a value already seen, or undefined. */
  find(value: string): number | undefined {
    if (value === this.#lastValue) return this.#lastCode;
    const code = this.#codes.get(value);
    if (code !== undefined) {
      this.#lastValue = value;
      this.#lastCode = code;
    }
    return code;
  }

  codeOf(value: string): number {
    const code = this.#codes.get(value);
    if (code !== undefined) return code;
    this.#codes.set(value, this.values.length);
    return this.values.push(value) - 1;
  }
}

export const LEVEL_LIMITS: Record<LevelKey, number> = {
  model: 0xffff,
  dataset: 0xff,
  item: 0xffffffff,
  amendment: 0xffff,
  prompt: 0xff,
};

export function allocateColumns(capacity: number) {
  return {
    model: new Uint16Array(capacity),
    dataset: new Uint8Array(capacity),
    item: new Uint32Array(capacity),
    amendment: new Uint16Array(capacity),
    prompt: new Uint8Array(capacity),
    sample: new Uint16Array(capacity),
    isWarm: new Uint8Array(capacity),
    isCorrect: new Uint8Array(capacity),
    isRefusal: new Uint8Array(capacity),
    line: new Uint32Array(capacity),
  };
}
