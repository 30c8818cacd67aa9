/**
 * Batches the runner's results and progress so the UI re-renders a few times a second, not once
 * per answer.
 *
 * Owns: the throttle. Invariants: nothing is dropped — every added record reaches `onFlush`
 * exactly once and in order; the first update after a quiet spell is delivered at once (the
 * progress bar appears immediately); later ones wait until `intervalMs` has passed since the last
 * flush; `flush()` delivers whatever is pending synchronously (call it when the run ends).
 */

export interface BatchTimers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const REAL_TIMERS: BatchTimers = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** About three renders per second. */
export const BATCH_INTERVAL_MS = 333;

export class UpdateBatcher<Item, Status> {
  readonly #onFlush: (items: Item[], status: Status | null) => void;
  readonly #intervalMs: number;
  readonly #timers: BatchTimers;
  #pending: Item[] = [];
  #status: Status | null = null;
  #hasStatus = false;
  #lastFlushAt = Number.NEGATIVE_INFINITY;
  #timer: unknown = null;

  constructor(
    onFlush: (items: Item[], status: Status | null) => void,
    intervalMs = BATCH_INTERVAL_MS,
    timers: BatchTimers = REAL_TIMERS,
  ) {
    this.#onFlush = onFlush;
    this.#intervalMs = intervalMs;
    this.#timers = timers;
  }

  add(item: Item): void {
    this.#pending.push(item);
    this.#schedule();
  }

  /** Keeps only the newest status (e.g. the progress summary). */
  setStatus(status: Status): void {
    this.#status = status;
    this.#hasStatus = true;
    this.#schedule();
  }

  /** Delivers everything pending now. */
  flush(): void {
    if (this.#timer !== null) this.#timers.clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#pending.length === 0 && !this.#hasStatus) return;
    const items = this.#pending;
    const status = this.#hasStatus ? this.#status : null;
    this.#pending = [];
    this.#hasStatus = false;
    this.#lastFlushAt = this.#timers.now();
    this.#onFlush(items, status);
  }

  #schedule(): void {
    if (this.#timer !== null) return;
    const wait = this.#lastFlushAt + this.#intervalMs - this.#timers.now();
    if (wait <= 0) this.flush();
    else this.#timer = this.#timers.setTimeout(() => this.flush(), wait);
  }
}
