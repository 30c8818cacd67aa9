/**
 * The one interface the rest of the app codes against for text generation.
 *
 * Owns: `Engine` (extends core `Generator`), load progress and load options. Three
 * implementations exist: `workerEngine.ts` (web-llm in a module worker), `openaiEngine.ts`
 * (an OpenAI-compatible HTTP endpoint) and `scriptedEngine.ts` (deterministic, tests only).
 * Invariants: no web-llm type appears here; everything is plain data or a callback.
 */
import type { Generator } from '../core/types';

export type EngineKind = 'webllm' | 'openai' | 'scripted';

/**
 * What a load is doing: downloading weights, reading them from the browser cache into GPU
 * memory, compiling GPU shaders; 'starting' before anything is measurable.
 */
export type LoadPhase = 'starting' | 'download' | 'load-weights' | 'compile-shaders' | 'ready';

/** One load-progress report. An ETA can be computed with `estimateRemainingMs`. */
export interface LoadProgress {
  /** Overall progress, 0..1, never decreasing within one load. */
  fraction: number;
  /** The current phase and the progress within it (0..1); absent for engines without phases. */
  phase?: LoadPhase;
  phaseFraction?: number;
  /** Bytes fetched or read so far, when the engine reports them (web-llm reports MiB). */
  loadedBytes?: number;
  /** Total bytes to fetch, when known or derivable. */
  totalBytes?: number;
  /** Human-readable status from the engine. */
  text: string;
  /** Milliseconds since the load started. */
  elapsedMs: number;
}

export interface LoadOptions {
  onProgress?: (progress: LoadProgress) => void;
  /** Aborting rejects the load with an `AbortError` and leaves no model loaded. */
  signal?: AbortSignal;
}

/**
 * A text generator with an explicit model lifecycle.
 *
 * - `load` must succeed before `generate`; loading another model replaces the current one.
 * - `generate` streams deltas through `onToken`; the concatenated deltas equal the final `text`.
 * - Aborting `generate` through its signal RESOLVES with `finishReason: 'abort'` and the partial
 *   text (a cancelled answer is data, not a failure). Any other failure REJECTS with an `Error`
 *   whose `name` is one of `ENGINE_ERROR` (see errors.ts) or a web-llm error name.
 * - Settings are per request: temperature, maxTokens, seed, topP, topLogprobs and jsonSchema
 *   (constrained JSON output); an engine that cannot honour one ignores it and says so in docs.
 * - `usage` reports prompt/completion tokens and, where measurable, prefill/decode tokens/s.
 */
export interface Engine extends Generator {
  readonly kind: EngineKind;
  /** Shown in the UI; the scripted engine's label contains "scripted test engine". */
  readonly label: string;
  /** The model currently loaded, or null. */
  readonly loadedModelId: string | null;
  /** Downloads (or reads from cache) and initialises a model. */
  load(modelId: string, options?: LoadOptions): Promise<void>;
  /** Frees the model (GPU memory for web-llm). Safe to call when nothing is loaded. */
  unload(): Promise<void>;
}

/**
 * Estimated milliseconds left in a load, assuming a constant rate; null while the rate is
 * unknown (nothing loaded yet) or once done.
 */
export function estimateRemainingMs(progress: LoadProgress): number | null {
  const { fraction, elapsedMs } = progress;
  if (!(fraction > 0) || fraction >= 1 || !(elapsedMs > 0)) return null;
  return Math.round((elapsedMs * (1 - fraction)) / fraction);
}
