/**
 * Worker-side logic: turns `EngineRequest`s into web-llm calls and web-llm output into
 * `EngineEvent`s.
 *
 * Owns: model load/cancel, a FIFO of generations (web-llm runs one at a time, and
 * `interruptGenerate` stops whichever is running, so queueing here is what makes aborting a
 * queued request safe), catalog and cache queries. web-llm is injected as a `WebLlmBinding`, so
 * tests stub it at the module boundary. Invariants: `handle` never rejects; every request except
 * `abort` ends with exactly one terminal event; a cancelled load reports `AbortError` and leaves
 * nothing loaded; an aborted generation ends with `done` / finishReason 'abort' / partial text.
 */
import type { GenerateResult } from '../core/types';
import { buildCatalog } from './catalog';
import { buildChatRequest, StreamAccumulator, toFinishReason, toUsage } from './chatWire';
import type { WireChatRequest, WireChunk } from './chatWire';
import { createAbortError, createNamedError, ENGINE_ERROR, toWireError } from './errors';
import type { WireError } from './errors';
import type { ModelRecordLike } from './modelRecord';
import { ProgressTracker } from './progress';
import type { RawInitProgress } from './progress';
import type { EngineEvent, EngineRequest } from './protocol';

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
  deleteModelFromCache(modelId: string, modelList: ModelRecordLike[]): Promise<void>;
}

interface LoadState {
  id: string;
  tracker: ProgressTracker;
  isCancelled: boolean;
}

interface GenerationState {
  isAborted: boolean;
  isRunning: boolean;
}

type GenerateRequest = Extract<EngineRequest, { type: 'generate' }>;
type LoadRequest = Extract<EngineRequest, { type: 'load' }>;

export class WorkerHandler {
  readonly #binding: WebLlmBinding;
  readonly #emit: (event: EngineEvent) => void;
  readonly #now: () => number;
  #engine: WebLlmEngineLike | null = null;
  #loadedModelId: string | null = null;
  #load: LoadState | null = null;
  #queue: Promise<void> = Promise.resolve();
  readonly #generations = new Map<string, GenerationState>();

  constructor(
    binding: WebLlmBinding,
    emit: (event: EngineEvent) => void,
    now: () => number = () => performance.now(),
  ) {
    this.#binding = binding;
    this.#emit = emit;
    this.#now = now;
  }

  /** Handles one request; resolves when its terminal event has been emitted. */
  async handle(request: EngineRequest): Promise<void> {
    try {
      await this.#dispatch(request);
    } catch (error) {
      this.#emit({ type: 'error', id: request.id, error: toWireError(error) });
    }
  }

  async #dispatch(request: EngineRequest): Promise<void> {
    switch (request.type) {
      case 'load':
        return this.#runLoad(request);
      case 'generate':
        return this.#enqueueGeneration(request);
      case 'abort':
        return this.#abort(request.id);
      case 'unload':
        await this.#unload();
        return this.#emit({ type: 'ok', id: request.id });
      case 'catalog':
        return this.#emit({
          type: 'catalog',
          id: request.id,
          entries: buildCatalog(this.#binding.prebuiltModels),
          modelVersion: this.#binding.modelVersion,
        });
      case 'cache-status':
        return this.#emit({
          type: 'cache-status',
          id: request.id,
          cached: await this.#cacheStatus(request.modelIds, request.customRecords),
        });
      case 'cache-delete':
        await this.#binding.deleteModelFromCache(
          request.modelId,
          this.#modelList(request.customRecords),
        );
        return this.#emit({ type: 'ok', id: request.id });
      default: {
        const unknown: never = request;
        throw new Error(`Unknown engine request ${JSON.stringify(unknown)}`);
      }
    }
  }

  #ensureEngine(): WebLlmEngineLike {
    this.#engine ??= this.#binding.createEngine((report) => {
      const load = this.#load;
      if (load === null || load.isCancelled) return;
      this.#emit({ type: 'progress', id: load.id, progress: load.tracker.next(report) });
    });
    return this.#engine;
  }

  #modelList(customRecords: ModelRecordLike[]): ModelRecordLike[] {
    const customIds = new Set(customRecords.map((record) => record.model_id));
    // A custom record with a prebuilt id replaces the prebuilt one rather than shadowing it.
    return [
      ...this.#binding.prebuiltModels.filter((r) => !customIds.has(r.model_id)),
      ...customRecords,
    ];
  }

  async #runLoad(request: LoadRequest): Promise<void> {
    if (this.#load !== null) this.#load.isCancelled = true; // web-llm's reload aborts the older load
    const load: LoadState = {
      id: request.id,
      tracker: new ProgressTracker(this.#now),
      isCancelled: false,
    };
    this.#load = load;
    this.#loadedModelId = null;
    try {
      const engine = this.#ensureEngine();
      engine.setModelList(this.#modelList(request.customRecords));
      await engine.reload(request.modelId);
      // web-llm's reload returns quietly when unload() aborted it; the flag tells us it did.
      if (load.isCancelled) throw createAbortError('Model load cancelled.');
      this.#loadedModelId = request.modelId;
      this.#emit({ type: 'progress', id: load.id, progress: load.tracker.finish('Model ready.') });
      this.#emit({
        type: 'loaded',
        id: load.id,
        modelId: request.modelId,
        elapsedMs: load.tracker.elapsedMs,
      });
    } catch (error) {
      const wire = load.isCancelled
        ? toWireError(createAbortError('Model load cancelled.'))
        : describeLoadError(error, request.modelId);
      this.#emit({ type: 'error', id: load.id, error: wire });
    } finally {
      if (this.#load === load) this.#load = null;
    }
  }

  #enqueueGeneration(request: GenerateRequest): Promise<void> {
    const state: GenerationState = { isAborted: false, isRunning: false };
    this.#generations.set(request.id, state);
    const run = this.#queue.then(() => this.#runGeneration(request, state));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #runGeneration(request: GenerateRequest, state: GenerationState): Promise<void> {
    const startedAt = this.#now();
    const accumulator = new StreamAccumulator(this.#now);
    try {
      if (!state.isAborted) await this.#stream(request, state, accumulator);
      this.#emit({
        type: 'done',
        id: request.id,
        result: this.#result(accumulator, state, startedAt),
      });
    } catch (error) {
      if (state.isAborted) {
        this.#emit({
          type: 'done',
          id: request.id,
          result: this.#result(accumulator, state, startedAt),
        });
      } else {
        this.#emit({ type: 'error', id: request.id, error: toWireError(error) });
      }
    } finally {
      this.#generations.delete(request.id);
    }
  }

  async #stream(
    request: GenerateRequest,
    state: GenerationState,
    accumulator: StreamAccumulator,
  ): Promise<void> {
    const engine = this.#engine;
    const modelId = this.#loadedModelId;
    if (engine === null || modelId === null) {
      throw createNamedError(
        ENGINE_ERROR.notLoaded,
        'No model is loaded: load one before generating.',
      );
    }
    state.isRunning = true;
    const wireRequest = buildChatRequest(request.messages, request.settings, 'webllm', modelId);
    const stream = await engine.streamChat(wireRequest);
    for await (const chunk of stream) {
      // After an interrupt web-llm may still flush a chunk; keep only its usage so the partial
      // text equals exactly what was streamed before the abort.
      if (state.isAborted) {
        accumulator.usage = chunk.usage ?? accumulator.usage;
        continue;
      }
      const delta = accumulator.add(chunk);
      if (delta !== '') this.#emit({ type: 'token', id: request.id, delta });
    }
  }

  #result(
    accumulator: StreamAccumulator,
    state: GenerationState,
    startedAt: number,
  ): GenerateResult {
    const endedAt = this.#now();
    return {
      text: accumulator.text,
      usage: toUsage(accumulator.usage, accumulator.deltaCount, {
        startedAt,
        firstTokenAt: accumulator.firstTokenAt,
        endedAt,
      }),
      finishReason: state.isAborted ? 'abort' : toFinishReason(accumulator.finishReason),
      elapsedMs: endedAt - startedAt,
    };
  }

  async #abort(id: string): Promise<void> {
    if (this.#load?.id === id) {
      this.#load.isCancelled = true;
      await this.#engine?.unload();
      return;
    }
    const generation = this.#generations.get(id);
    if (generation === undefined || generation.isAborted) return;
    generation.isAborted = true;
    if (generation.isRunning) await this.#engine?.interruptGenerate();
  }

  async #unload(): Promise<void> {
    if (this.#load !== null) this.#load.isCancelled = true;
    this.#loadedModelId = null;
    await this.#engine?.unload();
  }

  async #cacheStatus(
    modelIds: string[],
    customRecords: ModelRecordLike[],
  ): Promise<Record<string, boolean>> {
    const modelList = this.#modelList(customRecords);
    const cached: Record<string, boolean> = {};
    for (const modelId of modelIds) {
      // Unknown ids make web-llm throw ModelNotFoundError; for a status query that means "not cached".
      cached[modelId] = await this.#binding.hasModelInCache(modelId, modelList).catch(() => false);
    }
    return cached;
  }
}

/** A failed download surfaces from fetch as a bare "TypeError: Failed to fetch"; say what it means. */
function describeLoadError(error: unknown, modelId: string): WireError {
  const wire = toWireError(error);
  if (wire.name !== 'TypeError' || !/fetch|network/i.test(wire.message)) return wire;
  return {
    name: ENGINE_ERROR.network,
    message:
      `Could not download the files of ${modelId}: the network is unavailable or the host blocked the ` +
      `request (${wire.message}). Check the connection and try again; finished files stay cached.`,
  };
}
