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
 * web-llm reports a lost GPU device (usually out of memory) with a generic error; give it a
 * stable name so the UI can suggest a smaller model.
 */
function refineName(name: string, message: string): string {
  if (name === 'Error' && /device (was )?lost/i.test(message)) return ENGINE_ERROR.deviceLost;
  return name;
}
