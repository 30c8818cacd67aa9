/**
 * The typed message protocol between the page (`workerEngine.ts`) and the web-llm worker
 * (`workerHandler.ts` behind `llm.worker.ts`).
 *
 * Owns: discriminated unions only. Invariants: every message carries `type` and the `id` of the
 * request it belongs to (an `abort` carries the id of the request to cancel); every payload is
 * structured-cloneable plain data; errors cross as `{ name, message }`. Both sides import this
 * file with `import type` and end their `switch (message.type)` with a `never` check.
 */
import type { ChatMessage, GenerateResult, GenerationSettings } from '../core/types';
import type { CatalogEntry } from './catalog';
import type { LoadProgress } from './engine';
import type { WireError } from './errors';
import type { ModelRecordLike } from './modelRecord';

/** Page → worker. */
export type EngineRequest =
  | {
      type: 'load';
      id: string;
      modelId: string;
      /** Custom or local-folder records to register alongside web-llm's prebuilt list. */
      customRecords: ModelRecordLike[];
    }
  | {
      type: 'generate';
      id: string;
      /** The model the page believes is loaded; the worker refuses to answer with another. */
      modelId: string;
      messages: ChatMessage[];
      settings: GenerationSettings;
    }
  /** Cancels the load or generation whose request id is `id`. */
  | { type: 'abort'; id: string }
  | { type: 'unload'; id: string }
  | { type: 'catalog'; id: string }
  | { type: 'cache-status'; id: string; modelIds: string[]; customRecords: ModelRecordLike[] }
  | { type: 'cache-delete'; id: string; modelId: string; customRecords: ModelRecordLike[] };

/** Worker → page. Each request ends with exactly one of: loaded, done, catalog, cache-status, ok, error. */
export type EngineEvent =
  | { type: 'progress'; id: string; progress: LoadProgress }
  | { type: 'loaded'; id: string; modelId: string; elapsedMs: number }
  | { type: 'token'; id: string; delta: string }
  | { type: 'done'; id: string; result: GenerateResult }
  | { type: 'catalog'; id: string; entries: CatalogEntry[]; modelVersion: string }
  | { type: 'cache-status'; id: string; cached: Record<string, boolean> }
  | { type: 'ok'; id: string }
  | { type: 'error'; id: string; error: WireError };

export type EngineRequestType = EngineRequest['type'];
export type EngineEventType = EngineEvent['type'];
