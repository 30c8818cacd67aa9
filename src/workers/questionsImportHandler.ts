/**
 * The import worker's work: one streamed question import per request.
 *
 * Owns: `handleImportRequest`, which runs the import and posts progress, then the result or the
 * error. Invariant: it never throws (every failure becomes an `error` event for its request).
 */
import { importFile } from '../core/questions/fileStream';
import type { ImportWorkerEvent, ImportWorkerRequest } from './questionsImportProtocol';

/** Runs one import request, posting progress, then `done` or `error`. */
export async function handleImportRequest(
  request: ImportWorkerRequest,
  post: (event: ImportWorkerEvent) => void,
): Promise<void> {
  const { id } = request;
  try {
    const result = await importFile(request.file, request.fileName, request.format, {
      mapping: request.mapping,
      onProgress: (progress) => post({ type: 'progress', id, progress }),
    });
    post({ type: 'done', id, result });
  } catch (error) {
    const { name, message } =
      error instanceof Error ? error : { name: 'Error', message: String(error) };
    post({ type: 'error', id, error: { name, message } });
  }
}
