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
import {
  answerProbabilityOf,
  buildChatRequest,
  StreamAccumulator,
  toFinishReason,
  toUsage,
  usesThinking,
} from './chatWire';
import { createAbortError, isDeviceLossError, toWireError } from './errors';
import type { WireError } from './errors';
import type { ModelRecordLike } from './modelRecord';
import { ProgressTracker } from './progress';
import type { EngineEvent, EngineRequest } from './protocol';
import type { WebLlmBinding, WebLlmEngineLike } from './webLlmBinding';
import { deleteModelSafely, mergeModelList, readCacheStatus } from './workerCache';
import {
  describeDeviceLoss,
  describeLoadError,
  modelMismatchError,
  modelReplacedError,
  notLoadedError,
} from './workerErrors';

export type { WebLlmBinding, WebLlmEngineLike } from './webLlmBinding';

interface LoadState {
  id: string;
  modelId: string;
  tracker: ProgressTracker;
  isCancelled: boolean;
}

interface GenerationState {
  isAborted: boolean;
  isRunning: boolean;
  /** A load started while this generation ran: web-llm's reload killed it mid-answer. */
  isModelReplaced: boolean;
}

type GenerateRequest = Extract<EngineRequest, { type: 'generate' }>;
type LoadRequest = Extract<EngineRequest, { type: 'load' }>;

export class WorkerHandler {
  readonly #binding: WebLlmBinding;
  readonly #emit: (event: EngineEvent) => void;
  readonly #now: () => number;
  #engine: WebLlmEngineLike | null = null;
  #loadedModelId: string | null = null;
  /** The model list of the last load, so a request can find its record (base model, etc.). */
  #loadedRecords: ModelRecordLike[] = [];
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
          cached: await readCacheStatus(
            this.#binding,
            request.modelIds,
            this.#modelList(request.customRecords),
          ),
        });
      case 'cache-delete':
        await deleteModelSafely(
          this.#binding,
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
    return mergeModelList(this.#binding.prebuiltModels, customRecords);
  }

  async #runLoad(request: LoadRequest): Promise<void> {
    if (this.#load !== null) this.#load.isCancelled = true; // web-llm's reload aborts the older load
    const load: LoadState = {
      id: request.id,
      modelId: request.modelId,
      tracker: new ProgressTracker(this.#now),
      isCancelled: false,
    };
    this.#load = load;
    this.#loadedModelId = null;
    // web-llm's reload ends the answer in flight; never let it pass as a complete answer.
    for (const generation of this.#generations.values()) generation.isModelReplaced = true;
    try {
      const engine = this.#ensureEngine();
      const modelList = this.#modelList(request.customRecords);
      this.#loadedRecords = modelList;
      engine.setModelList(modelList);
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
    const state: GenerationState = { isAborted: false, isRunning: false, isModelReplaced: false };
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
      if (state.isModelReplaced && !state.isAborted) throw modelReplacedError(request.modelId);
      this.#emitDone(request, accumulator, state, startedAt);
    } catch (error) {
      if (state.isAborted && !isDeviceLossError(error)) {
        this.#emitDone(request, accumulator, state, startedAt);
      } else {
        this.#emit({
          type: 'error',
          id: request.id,
          error: this.#describeGenerateError(error, request),
        });
      }
    } finally {
      this.#generations.delete(request.id);
    }
  }

  #emitDone(
    request: GenerateRequest,
    accumulator: StreamAccumulator,
    state: GenerationState,
    startedAt: number,
  ): void {
    this.#emit({
      type: 'done',
      id: request.id,
      result: this.#result(accumulator, state, startedAt),
    });
  }

  /** A lost device leaves web-llm unloaded: forget the model and say what happened. */
  #describeGenerateError(error: unknown, request: GenerateRequest): WireError {
    if (!isDeviceLossError(error)) return toWireError(error);
    if (this.#loadedModelId === request.modelId) this.#loadedModelId = null;
    return describeDeviceLoss(error, request.modelId);
  }

  async #stream(
    request: GenerateRequest,
    state: GenerationState,
    accumulator: StreamAccumulator,
  ): Promise<void> {
    const engine = this.#engine;
    const modelId = this.#loadedModelId;
    const loadingId = this.#load?.modelId ?? null;
    if (engine === null || (modelId === null && loadingId === null)) {
      throw notLoadedError(request.modelId);
    }
    if (modelId !== request.modelId) {
      throw modelMismatchError(request.modelId, modelId, loadingId);
    }
    state.isRunning = true;
    const record = this.#loadedRecords.find((r) => r.model_id === modelId);
    const wireRequest = buildChatRequest(request.messages, request.settings, 'webllm', {
      model: modelId,
      isThinkingOff: usesThinking(modelId, record),
    });
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
      ...answerProbabilityOf(accumulator),
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
}
