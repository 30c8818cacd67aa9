/**
 * The worker's own error messages: what went wrong and what to do, in plain words.
 *
 * Owns (worker and page side): the texts of a crashed worker, of a refused generation (model switched, not loaded), of a lost device while a
 * model was loaded, and of a failed download. Invariants: every error carries a name from
 * `ENGINE_ERROR`; the original engine text is kept at the end where there is one.
 */
import { createNamedError, ENGINE_ERROR, toWireError } from './errors';
import type { WireError } from './errors';

export function notLoadedError(modelId: string): Error {
  return createNamedError(
    ENGINE_ERROR.notLoaded,
    `No model is loaded: load ${modelId} before generating.`,
  );
}

/** The request named one model, but another is loaded (or being loaded) now. */
export function modelMismatchError(
  requested: string,
  loaded: string | null,
  loading: string | null,
): Error {
  const now =
    loaded === null ? `${loading ?? 'another model'} is being loaded` : `${loaded} is loaded`;
  return createNamedError(
    ENGINE_ERROR.modelMismatch,
    `This answer was requested from ${requested}, but ${now} now (the model was switched); it ` +
      'was not generated, so no answer is stored under the wrong model.',
  );
}

export function describeDeviceLoss(error: unknown, modelId: string): WireError {
  return {
    name: ENGINE_ERROR.deviceLost,
    message:
      `The GPU device was lost while ${modelId} was loaded, so web-llm unloaded it ` +
      '(usually the GPU ran out of memory or its driver reset). Load the model again to ' +
      `continue. web-llm said: ${toWireError(error).message}`,
  };
}

export function modelReplacedError(modelId: string): Error {
  return createNamedError(
    ENGINE_ERROR.modelMismatch,
    `Another model was loaded while ${modelId} was answering; the cut-off answer was dropped ` +
      'rather than stored under the wrong model.',
  );
}

/** A failed download surfaces from fetch as a bare "TypeError: Failed to fetch"; say what it means. */
export function describeLoadError(error: unknown, modelId: string): WireError {
  const wire = toWireError(error);
  if (wire.name !== 'TypeError' || !/fetch|network/i.test(wire.message)) return wire;
  return {
    name: ENGINE_ERROR.network,
    message:
      `Could not download the files of ${modelId}: the network is unavailable or the host blocked the ` +
      `request (${wire.message}). Check the connection and try again; finished files stay cached.`,
  };
}

/** The message of a worker's `error` event, or "no details". */
export function describeCrash(event: Event): string {
  const message = (event as ErrorEvent).message;
  return typeof message === 'string' && message !== '' ? message : 'no details';
}

/** A terminal event of the wrong type for its request. */
export function unexpected(event: { type: string }): Error {
  return createNamedError(
    ENGINE_ERROR.badResponse,
    `The model worker answered "${event.type}" unexpectedly.`,
  );
}

export function workerCrashError(detail: string): Error {
  return createNamedError(
    ENGINE_ERROR.workerCrash,
    `The model worker stopped unexpectedly (${detail}). This often means the GPU ran out of memory; ` +
      'try a smaller model, then load again.',
  );
}
