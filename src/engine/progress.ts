/**
 * Turns web-llm's init-progress reports into `LoadProgress`.
 *
 * Owns: parsing the report text (web-llm 0.2.86 formats: "Fetching param cache[3/20]: 120MB
 * fetched. 25% completed, …", "Loading model from cache[…]: …MB loaded. …", "Loading GPU shader
 * modules[4/40]: …", "Finish loading on …") and mapping its per-phase progress onto one overall
 * fraction, keeping the phase (download, loading weights from the cache into GPU memory, shader
 * compilation) so the UI can name it. Invariants: fractions stay in 0..1 and never go backwards within a tracker; a text
 * that matches no known form still yields a valid report (bytes omitted).
 */
import type { LoadPhase, LoadProgress } from './engine';

/** web-llm's report shape, restated so this module needs no web-llm import. */
export interface RawInitProgress {
  progress: number;
  timeElapsed: number;
  text: string;
}

const MIB = 1024 * 1024;

/**
 * Shares of the overall bar. web-llm first downloads every missing shard ("Fetching param
 * cache"), then reads all shards from the cache into GPU memory ("Loading model from cache"),
 * then compiles shaders. A cached model skips the download, so its weights phase spans both.
 */
const DOWNLOAD_SHARE = 0.6;
const WEIGHTS_END = 0.9;
const SHADERS_SHARE = (1 - WEIGHTS_END) * 0.99;

const DOWNLOAD_TEXT = /^Fetching param cache\[\d+\/\d+\]: (\d+)MB/;
const FROM_CACHE_TEXT = /^Loading model from cache\[\d+\/\d+\]: (\d+)MB/;
const SHADERS_TEXT = /^Loading GPU shader modules\[(\d+)\/(\d+)\]/;
const FINISHED_TEXT = /^Finish loading/;

type Interpreted = Omit<LoadProgress, 'elapsedMs'>;

function weightsReport(
  raw: RawInitProgress,
  megabytes: string | undefined,
  phase: LoadPhase,
  fraction: number,
): Interpreted {
  const phaseFraction = clamp01(raw.progress);
  const loadedBytes = Number(megabytes) * MIB;
  const report: Interpreted = { fraction, phase, phaseFraction, loadedBytes, text: raw.text };
  // web-llm rounds MB up, so the derived total is approximate (within one MiB per shard).
  if (phaseFraction > 0) report.totalBytes = Math.round(loadedBytes / phaseFraction);
  return report;
}

/**
 * Phase, overall fraction and byte counts for one raw report, before monotonic clamping.
 * `hasDownloaded` says whether this load went through a download phase first.
 */
export function interpretInitProgress(raw: RawInitProgress, hasDownloaded = false): Interpreted {
  const p = clamp01(raw.progress);
  const download = DOWNLOAD_TEXT.exec(raw.text);
  if (download !== null) return weightsReport(raw, download[1], 'download', p * DOWNLOAD_SHARE);
  const fromCache = FROM_CACHE_TEXT.exec(raw.text);
  if (fromCache !== null) {
    const start = hasDownloaded ? DOWNLOAD_SHARE : 0;
    return weightsReport(raw, fromCache[1], 'load-weights', start + p * (WEIGHTS_END - start));
  }
  const shaders = SHADERS_TEXT.exec(raw.text);
  if (shaders !== null) {
    return {
      fraction: WEIGHTS_END + p * SHADERS_SHARE,
      phase: 'compile-shaders',
      phaseFraction: p,
      text: raw.text,
    };
  }
  if (FINISHED_TEXT.test(raw.text)) {
    return { fraction: 1, phase: 'ready', phaseFraction: 1, text: raw.text };
  }
  // "Start to fetch params" and other preparation: nothing measurable yet.
  return { fraction: 0, phase: 'starting', phaseFraction: p, text: raw.text };
}

/** Keeps one load's reports monotonic and stamps them with wall-clock elapsed time. */
export class ProgressTracker {
  #highest = 0;
  #hasDownloaded = false;
  readonly #startedAt: number;
  readonly #now: () => number;

  constructor(now: () => number = () => Date.now()) {
    this.#now = now;
    this.#startedAt = now();
  }

  /** The report to emit for `raw`. */
  next(raw: RawInitProgress): LoadProgress {
    const interpreted = interpretInitProgress(raw, this.#hasDownloaded);
    if (interpreted.phase === 'download') this.#hasDownloaded = true;
    this.#highest = Math.max(this.#highest, interpreted.fraction);
    return { ...interpreted, fraction: this.#highest, elapsedMs: this.#now() - this.#startedAt };
  }

  /** A final "done" report. */
  finish(text: string): LoadProgress {
    this.#highest = 1;
    return {
      fraction: 1,
      phase: 'ready',
      phaseFraction: 1,
      text,
      elapsedMs: this.#now() - this.#startedAt,
    };
  }

  get elapsedMs(): number {
    return this.#now() - this.#startedAt;
  }
}

function clamp01(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(1, Math.max(0, value));
}

const PHASE_TEXT: Record<LoadPhase, string> = {
  starting: 'Preparing',
  download: 'Step 1 of 3 · downloading the weights (once; cached afterwards)',
  'load-weights': 'Step 2 of 3 · loading the weights from this browser’s cache into GPU memory',
  'compile-shaders': 'Step 3 of 3 · compiling GPU shaders',
  ready: 'Ready',
};

/**
 * The phase of a load in plain words with its own percentage, e.g. "Step 1 of 3 · downloading
 * the weights (once; cached afterwards): 45% · 120 MB of 400 MB". A cached model skips step 1.
 */
export function describeLoadPhase(progress: LoadProgress | null): string {
  if (progress === null) return 'Starting…';
  if (progress.phase === undefined) return progress.text;
  const percent = `${Math.round((progress.phaseFraction ?? 0) * 100)}%`;
  const bytes =
    progress.loadedBytes !== undefined && progress.totalBytes !== undefined
      ? ` · ${Math.round(progress.loadedBytes / 2 ** 20)} of ${Math.round(progress.totalBytes / 2 ** 20)} MiB`
      : '';
  if (progress.phase === 'starting' || progress.phase === 'ready') {
    return PHASE_TEXT[progress.phase];
  }
  return `${PHASE_TEXT[progress.phase]}: ${percent}${bytes}`;
}
