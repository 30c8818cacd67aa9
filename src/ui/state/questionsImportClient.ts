/**
 * Runs a question import in a module worker when the browser has workers, in this thread
 * otherwise (tests, very old browsers), with the same contract either way.
 *
 * Owns: starting one worker per import, relaying progress, and cancelling by terminating it.
 * Invariants: the promise settles exactly once; a cancelled import rejects with
 * `ImportCancelledError` and its worker is gone; the worker is terminated after every outcome.
 */
import type { ColumnMapping, FormatId, ImportResult } from '../../core/questions';
import type { ImportWorkerEvent, ImportWorkerRequest } from '../../workers/questionsImportProtocol';
import { ImportCancelledError, importFile } from '../../core/questions/fileStream';
import type { StreamOptions } from '../../core/questions/fileStream';

type RunOptions = StreamOptions & { mapping?: ColumnMapping };

let nextId = 1;

function errorFrom(event: Extract<ImportWorkerEvent, { type: 'error' }>): Error {
  const error = new Error(event.error.message);
  error.name = event.error.name;
  return error;
}

function runInWorker(request: ImportWorkerRequest, options: RunOptions): Promise<ImportResult> {
  const worker = new Worker(new URL('../../workers/questionsImport.worker.ts', import.meta.url), {
    type: 'module',
  });
  return new Promise<ImportResult>((resolve, reject) => {
    const finish = (settle: () => void): void => {
      options.signal?.removeEventListener('abort', cancel);
      worker.terminate();
      settle();
    };
    const cancel = (): void => finish(() => reject(new ImportCancelledError()));
    if (options.signal?.aborted) return cancel();
    options.signal?.addEventListener('abort', cancel, { once: true });
    worker.onmessage = (message: MessageEvent<ImportWorkerEvent>) => {
      const event = message.data;
      if (event.id !== request.id) return;
      if (event.type === 'progress') options.onProgress?.(event.progress);
      else if (event.type === 'done') finish(() => resolve(event.result));
      else finish(() => reject(errorFrom(event)));
    };
    worker.onerror = (event) =>
      finish(() =>
        reject(new Error(`The import worker stopped: ${event.message || 'unknown error'}`)),
      );
    worker.postMessage(request);
  });
}

/**
 * Imports a file off the main thread (or in-thread without workers).
 * @throws Error carrying the ImportError's message; ImportCancelledError when `signal` aborts.
 */
export function runImport(
  file: Blob,
  fileName: string,
  format: FormatId,
  options: RunOptions = {},
): Promise<ImportResult> {
  if (typeof Worker === 'undefined') return importFile(file, fileName, format, options);
  return runInWorker(
    { type: 'import', id: nextId++, file, fileName, format, mapping: options.mapping },
    options,
  );
}
