/**
 * The runner's result writer: persists generated answers behind the generations and paces the
 * run loop.
 *
 * Owns: the queue of generated-but-unsaved answers and the one write in flight. Invariants: with
 * `saveResults`, answers arriving while a write is in flight share the next transaction (a
 * group commit), and `pace` makes the loop wait once the oldest unsaved answer is
 * WRITE_WINDOW_MS old, so a crash loses at most ~50 ms of answers; with only `saveResult`, each
 * answer is saved before the next generation starts. `onSaved` is called only after an answer's
 * transaction committed, in plan order of arrival. After a failed write nothing more is written
 * and `pace`/`drain` report the stop.
 */
import type { RunStatus } from '../records';
import type { ResponseRecord } from '../types';
import { describeError } from './retry';

/** How long a generated answer may wait unsaved before the runner stops to let writes catch up. */
export const WRITE_WINDOW_MS = 50;
/** The loop yields to the host after running this long without a break (keeps tasks short). */
export const YIELD_AFTER_MS = 20;

export interface RunStore {
  getCompletedIndices(): Promise<Set<number>>;
  saveResult(record: ResponseRecord): Promise<void>;
  /** Optional group commit: saves all the records in one transaction, or none of them. */
  saveResults?(records: readonly ResponseRecord[]): Promise<void>;
}

/** A reason to end the run loop, with the run status it ends in. */
export interface Stop {
  kind: 'stop';
  status: Extract<RunStatus, 'done' | 'paused' | 'cancelled' | 'failed'>;
  reason: string;
}

/** Writes results behind the generations (see the module header), one write at a time, and
 * paces the loop: short tasks for the host, never more than WRITE_WINDOW_MS of unsaved answers. */
export class ResultWriter {
  #queue: { record: ResponseRecord; at: number }[] = [];
  #writing: Promise<void> | null = null;
  #unsavedSince = Number.POSITIVE_INFINITY;
  #failure: Stop | null = null;
  #busySince: number;

  constructor(
    private readonly store: RunStore,
    private readonly now: () => number,
    private readonly yieldToHost: () => Promise<void>,
    private readonly onSaved: (record: ResponseRecord) => void,
  ) {
    this.#busySince = now();
  }

  /** Before each generation: yields to the host and waits for late writes when due. */
  async pace(): Promise<Stop | null> {
    if (this.now() - this.#busySince >= YIELD_AFTER_MS) {
      await this.yieldToHost();
      this.#busySince = this.now();
    }
    if (!this.#isBehind()) return null;
    const failure = await this.drain();
    this.#busySince = this.now();
    return failure;
  }

  add(record: ResponseRecord): void {
    const at = this.now();
    this.#queue.push({ record, at });
    if (this.#writing === null) this.#unsavedSince = at;
    this.#writing ??= this.#writeAll();
  }

  #isBehind(): boolean {
    const isLate = this.now() - this.#unsavedSince >= WRITE_WINDOW_MS;
    const isWriting = this.#writing !== null;
    return this.#failure !== null || (isWriting && (!this.store.saveResults || isLate));
  }

  /** Waits until everything handed over is written; the stop when a write failed. */
  async drain(): Promise<Stop | null> {
    while (this.#writing !== null) await this.#writing;
    return this.#failure;
  }

  async #writeAll(): Promise<void> {
    while (this.#queue.length > 0 && this.#failure === null) {
      const batch = this.#queue.map((queued) => queued.record);
      this.#queue = [];
      try {
        await this.#save(batch);
      } catch (error) {
        const reason = `Could not save the answer to entry #${batch[0]?.planIndex}: ${describeError(error)}`;
        this.#failure = { kind: 'stop', status: 'paused', reason };
        break;
      }
      this.#unsavedSince = this.#queue[0]?.at ?? Number.POSITIVE_INFINITY;
      for (const record of batch) this.onSaved(record);
    }
    this.#writing = null;
  }

  async #save(batch: ResponseRecord[]): Promise<void> {
    if (this.store.saveResults) await this.store.saveResults(batch);
    else for (const record of batch) await this.store.saveResult(record);
  }
}
