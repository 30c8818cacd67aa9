/**
 * Messages between the Questions view and its import worker.
 *
 * Owns: the request/event unions. Invariants: discriminated unions only, every message carries
 * `type` and the request `id`; errors cross as `{ name, message }` (an ImportError's message
 * already names the file and line). Both sides import this file with `import type`.
 */
import type { ColumnMapping, FormatId, ImportResult } from '../core/questions';
import type { ByteProgress } from '../core/questions/fileStream';

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
