/**
 * Getting one answer despite a flaky engine: exponential back-off and GPU device-loss recovery.
 *
 * Owns: which errors are retried, the back-off schedule and model (re)loading for the runner.
 * Invariants: an abort is never retried and never reported as a failure; after a "device lost"
 * error the model is loaded again before the next attempt (the old generator is unusable);
 * after `maxAttempts` failed attempts the last error is raised as a `RetryExhaustedError`.
 */
import type { ChatMessage, GenerateResult, GenerationSettings, Generator } from '../types';

export interface RetryPolicy {
  /** Attempts per entry, including the first (≥ 1). */
  maxAttempts: number;
  /** Wait before the 2nd attempt; doubles before each further one. */
  baseDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1000 };

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Raised when every attempt failed; `cause` is the last engine error. */
export class RetryExhaustedError extends Error {
  readonly attempts: number;
  constructor(message: string, attempts: number, cause: unknown) {
    super(message, { cause });
    this.name = 'RetryExhaustedError';
    this.attempts = attempts;
  }
}

/** A timer-based sleep that ends early (without error) when the signal aborts. */
export const sleepWithTimer: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal?.aborted === true) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

/** The wait before attempt `attempt + 1` (1-based `attempt`): base, 2×base, 4×base, … */
export function backoffDelayMs(policy: RetryPolicy, attempt: number): number {
  return policy.baseDelayMs * 2 ** (attempt - 1);
}

/**
 * Error names after which the model must be loaded again. When the WebGPU device is lost,
 * web-llm logs "Device was lost…" and unloads itself, so the answer in flight fails and every
 * later request fails with `ModelNotLoadedError` ("Model not loaded before trying to complete …")
 * or, through web-llm's worker engine, `WorkerEngineModelNotLoadedError`; a loss during load is
 * `DeviceLostError`. Our own worker says `ModelNotLoaded` when it has no model.
 */
const RELOAD_ERROR_NAMES = /DeviceLost|ModelNotLoaded/i;
const RELOAD_ERROR_MESSAGES =
  /device was lost|DeviceLost|Model not loaded before trying to complete|is not loaded with a model|Instance\.dispose/i;

/** True when the model is gone (device loss or web-llm's unload after it): reload, then retry. */
export function isDeviceLost(error: unknown): boolean {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  return RELOAD_ERROR_NAMES.test(name) || RELOAD_ERROR_MESSAGES.test(message);
}

// A function call, not an inline check: the flag changes across awaits, which narrowing ignores.
function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message === '' ? error.name : error.message;
  return String(error);
}

type LoadGenerator = (modelId: string) => Promise<Generator>;

/**
 * Keeps the one loaded model and loads it on demand (phase change), or reloads it after device
 * loss. `load` may return the model already in the engine; `reload` must load it again even when
 * the engine believes it is loaded (web-llm unloads itself after a device loss).
 */
export class ModelSlot {
  #modelId: string | null = null;
  #generator: Generator | null = null;
  #needsReload = false;
  readonly #load: LoadGenerator;
  readonly #reload: LoadGenerator;

  constructor(load: LoadGenerator, reload: LoadGenerator = load) {
    this.#load = load;
    this.#reload = reload;
  }

  async get(modelId: string): Promise<Generator> {
    if (this.#generator !== null && this.#modelId === modelId) return this.#generator;
    const isReloading = this.#needsReload;
    this.#generator = null;
    this.#generator = await (isReloading ? this.#reload(modelId) : this.#load(modelId));
    this.#needsReload = false;
    this.#modelId = modelId;
    return this.#generator;
  }

  /** Forgets the loaded model: the next `get` reloads it (it is gone from the engine). */
  invalidate(): void {
    this.#generator = null;
    this.#needsReload = true;
  }
}

export interface AttemptRequest {
  modelId: string;
  messages: ChatMessage[];
  settings: GenerationSettings;
  onToken?: (delta: string) => void;
  /** Told before a retry, e.g. to show "device lost — reloading the model". */
  onRetry?: (attempt: number, error: unknown, isReloading: boolean) => void;
}

/**
 * Generates with retries. Resolves `null` when the signal aborted (during generation or a wait).
 * @throws RetryExhaustedError after `policy.maxAttempts` failures.
 */
export async function generateWithRetry(
  slot: ModelSlot,
  request: AttemptRequest,
  policy: RetryPolicy,
  sleep: Sleep,
  signal?: AbortSignal,
): Promise<GenerateResult | null> {
  const attempts = Math.max(1, Math.floor(policy.maxAttempts));
  for (let attempt = 1; ; attempt++) {
    try {
      const generator = await slot.get(request.modelId);
      if (isAborted(signal)) return null;
      const result = await generator.generate(
        request.messages,
        request.settings,
        request.onToken,
        signal,
      );
      if (isAborted(signal) || result.finishReason === 'abort') return null;
      if (result.finishReason === 'error')
        throw new Error('the engine reported a generation error');
      return result;
    } catch (error) {
      if (isAborted(signal)) return null;
      const isReloading = isDeviceLost(error);
      if (isReloading) slot.invalidate();
      if (attempt >= attempts) {
        throw new RetryExhaustedError(describeError(error), attempt, error);
      }
      request.onRetry?.(attempt, error, isReloading);
      await sleep(backoffDelayMs(policy, attempt), signal);
      if (isAborted(signal)) return null;
    }
  }
}
