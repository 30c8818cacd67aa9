/**
 * The slice of web-llm the worker handler uses, restated structurally.
 *
 * Owns: `WebLlmEngineLike` and `WebLlmBinding`, so the handler and its tests (which stub web-llm
 * here) never import web-llm itself. The real binding lives in llm.worker.ts.
 */
import type { WireChatRequest, WireChunk } from './chatWire';
import type { ModelRecordLike } from './modelRecord';
import type { RawInitProgress } from './progress';

/** The slice of an `MLCEngine` the handler uses. */
export interface WebLlmEngineLike {
  setModelList(modelList: ModelRecordLike[]): void;
  reload(modelId: string): Promise<void>;
  unload(): Promise<void>;
  interruptGenerate(): void | Promise<void>;
  streamChat(request: WireChatRequest): Promise<AsyncIterable<WireChunk>>;
}

/** The slice of the web-llm module the handler uses (real one in llm.worker.ts). */
export interface WebLlmBinding {
  modelVersion: string;
  prebuiltModels: readonly ModelRecordLike[];
  createEngine(onProgress: (report: RawInitProgress) => void): WebLlmEngineLike;
  hasModelInCache(modelId: string, modelList: ModelRecordLike[]): Promise<boolean>;
  /** Weights, tokenizer and config; the library (.wasm) too unless `isLibraryKept`. */
  deleteModelFromCache(
    modelId: string,
    modelList: ModelRecordLike[],
    options: { isLibraryKept: boolean },
  ): Promise<void>;
}
