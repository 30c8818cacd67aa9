/**
 * Messages between the Questions view and its import worker, and the worker-side handler.
 *
 * Owns: the request/event unions and `handleImportRequest`, which runs one streamed import and
 * reports progress, the result or the error. Invariants: discriminated unions only, every
 * message carries `type` and the request `id`; errors cross as `{ name, message }` (an
 * ImportError's message already names the file and line); the handler never throws.
 */
import type { ColumnMapping, FormatId, ImportResult } from '../../core/questions';
import { importFile } from './questionsStream';
import type { ByteProgress } from './questionsStream';

export interface ImportWorkerRequest {
  type: 'import';
  id: number;
  file: Blob;
  fileName: string;
  format: FormatId;
  mapping?: ColumnMapping;
}

export type ImportWorkerEvent =
  | { type: 'progress'; id: number; progress: ByteProgress }
  | { type: 'done'; id: number; result: ImportResult }
  | { type: 'error'; id: number; error: { name: string; message: string } };

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
