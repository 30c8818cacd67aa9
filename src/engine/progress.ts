/**
 * Turns web-llm's init-progress reports into `LoadProgress`.
 *
 * Owns: parsing the report text (web-llm 0.2.86 formats: "Fetching param cache[3/20]: 120MB
 * fetched. 25% completed, …", "Loading model from cache[…]: …MB loaded. …", "Loading GPU shader
 * modules[4/40]: …", "Finish loading on …") and mapping its per-phase progress onto one overall
 * fraction. Invariants: fractions stay in 0..1 and never go backwards within a tracker; a text
 * that matches no known form still yields a valid report (bytes omitted).
 */
import type { LoadProgress } from './engine';

/** web-llm's report shape, restated so this module needs no web-llm import. */
export interface RawInitProgress {
  progress: number;
  timeElapsed: number;
  text: string;
}

const MIB = 1024 * 1024;
/** Share of the overall bar given to fetching/reading weights; shader compilation gets the rest. */
const WEIGHTS_SHARE = 0.9;

const WEIGHTS_TEXT = /^(?:Fetching param cache|Loading model from cache)\[\d+\/\d+\]: (\d+)MB/;
const SHADERS_TEXT = /^Loading GPU shader modules\[(\d+)\/(\d+)\]/;
const FINISHED_TEXT = /^Finish loading/;

/** Overall fraction and byte counts for one raw report, before monotonic clamping. */
export function interpretInitProgress(raw: RawInitProgress): Omit<LoadProgress, 'elapsedMs'> {
  const phaseFraction = clamp01(raw.progress);
  const weights = WEIGHTS_TEXT.exec(raw.text);
  if (weights !== null) {
    const loadedBytes = Number(weights[1]) * MIB;
    const report: Omit<LoadProgress, 'elapsedMs'> = {
      fraction: phaseFraction * WEIGHTS_SHARE,
      loadedBytes,
      text: raw.text,
    };
    // web-llm rounds MB up, so the derived total is approximate (within one MiB per shard).
    if (phaseFraction > 0) report.totalBytes = Math.round(loadedBytes / phaseFraction);
    return report;
  }
  if (SHADERS_TEXT.test(raw.text)) {
    return { fraction: WEIGHTS_SHARE + phaseFraction * (1 - WEIGHTS_SHARE) * 0.99, text: raw.text };
  }
  if (FINISHED_TEXT.test(raw.text)) return { fraction: 1, text: raw.text };
  // Unknown phase (e.g. "Start to fetch params"): report progress within the weights share.
  return { fraction: phaseFraction * WEIGHTS_SHARE, text: raw.text };
}

/** Keeps one load's reports monotonic and stamps them with wall-clock elapsed time. */
export class ProgressTracker {
  #highest = 0;
  readonly #startedAt: number;
  readonly #now: () => number;

  constructor(now: () => number = () => Date.now()) {
    this.#now = now;
    this.#startedAt = now();
  }

  /** The report to emit for `raw`. */
  next(raw: RawInitProgress): LoadProgress {
    const interpreted = interpretInitProgress(raw);
    this.#highest = Math.max(this.#highest, interpreted.fraction);
    return { ...interpreted, fraction: this.#highest, elapsedMs: this.#now() - this.#startedAt };
  }

  /** A final "done" report. */
  finish(text: string): LoadProgress {
    this.#highest = 1;
    return { fraction: 1, text, elapsedMs: this.#now() - this.#startedAt };
  }

  get elapsedMs(): number {
    return this.#now() - this.#startedAt;
  }
}

function clamp01(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(1, Math.max(0, value));
}
