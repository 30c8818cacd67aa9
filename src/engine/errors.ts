/**
 * Named errors of the engine layer and their wire form.
 *
 * Owns: the error names every engine uses (so the UI can branch on `error.name`), and the
 * `{ name, message }` shape errors take when they cross the worker boundary. Invariants: a wire
 * error is plain data (structured-cloneable); `fromWireError(toWireError(e))` keeps name and message.
 */

/** Error names the UI may branch on. Other names (from web-llm) pass through unchanged. */
export const ENGINE_ERROR = {
  abort: 'AbortError',
  network: 'NetworkError',
  auth: 'AuthError',
  modelNotFound: 'ModelNotFoundError',
  badResponse: 'BadResponseError',
  workerCrash: 'WorkerCrashError',
  deviceLost: 'DeviceLostError',
  notLoaded: 'ModelNotLoadedError',
  invalidModel: 'InvalidModelError',
  modelMismatch: 'ModelMismatchError',
  noAnswer: 'EngineTimeoutError',
  scripted: 'ScriptedFailure',
} as const;

/** An error as it travels between worker and page. */
export interface WireError {
  name: string;
  message: string;
}

/** Creates an `Error` whose `name` is set, so callers can branch without `instanceof`. */
export function createNamedError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

/** The standard cancellation error (same name as the DOM's, so `isAbortError` covers both). */
export function createAbortError(message = 'The operation was cancelled.'): Error {
  return createNamedError(ENGINE_ERROR.abort, message);
}

/** True for our AbortError and for the DOMException fetch/streams throw on abort. */
export function isAbortError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'AbortError'
  );
}

/** Flattens anything thrown into `{ name, message }` without losing web-llm's error names. */
export function toWireError(error: unknown): WireError {
  if (typeof error === 'object' && error !== null) {
    const candidate = error as { name?: unknown; message?: unknown };
    const name =
      typeof candidate.name === 'string' && candidate.name !== '' ? candidate.name : 'Error';
    const message = typeof candidate.message === 'string' ? candidate.message : String(error);
    return { name: refineName(name, message), message };
  }
  return { name: 'Error', message: String(error) };
}

/** Rebuilds an `Error` on the receiving side of the boundary. */
export function fromWireError(wire: WireError): Error {
  return createNamedError(wire.name, wire.message);
}

/**
 * The texts a lost GPU device produces, as web-llm 0.2.86, TVM and Chrome word them:
 * - web-llm's `DeviceLostError` (lost during `reload`): "The WebGPU device was lost while loading
 *   the model. …"; its log line when lost later: "Device was lost. This can happen due to …";
 * - Chrome, for a buffer read in flight: "AbortError: Failed to execute 'mapAsync' on
 *   'GPUBuffer': Device is lost" (an AbortError that is NOT a user cancellation);
 * - after a loss web-llm unloads itself, so the next request fails with its
 *   `ModelNotLoadedError`: "Model not loaded before trying to complete ChatCompletionRequest. …".
 */
export const DEVICE_LOSS_PATTERNS: readonly RegExp[] = [
  /\bdevice (?:was |is )?lost\b/i,
  /^Model not loaded before trying to complete /,
];

/**
 * True when `error` (thrown, or rebuilt from the wire) means the GPU device was lost and the
 * model must be loaded again before the same request is retried. The UI and the runner use this
 * one rule. Our own "No model is loaded" (the user never loaded one) is NOT a device loss.
 */
export function isDeviceLossError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, message } = error as { name?: unknown; message?: unknown };
  if (name === ENGINE_ERROR.deviceLost) return true;
  return typeof message === 'string' && DEVICE_LOSS_PATTERNS.some((p) => p.test(message));
}

/**
 * A lost device reaches us under several names (Error, and Chrome's AbortError from mapAsync);
 * give every form one stable name so nothing reads it as a cancellation.
 */
function refineName(name: string, message: string): string {
  if (name !== ENGINE_ERROR.deviceLost && isDeviceLossError({ name, message })) {
    return ENGINE_ERROR.deviceLost;
  }
  return name;
}
