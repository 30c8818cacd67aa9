/**
 * The real in-browser `Engine`: web-llm running in a module worker.
 *
 * Owns: lazy worker creation (only on the first request, so web-llm's ~6 MB chunk never loads
 * with the app shell), request ids, the pending-request map and typed messages to/from the worker.
 * Invariants: every public promise settles — with the worker's terminal event, or with a
 * `WorkerCrashError` if the worker dies, or an `AbortError` when a load is cancelled; a cancelled
 * generation resolves with its partial text. If the worker does not confirm a cancel within a
 * grace period it is terminated (which also stops downloads and frees the GPU). Each generate
 * request names the model the page loaded, and the worker refuses to answer with another.
 */
import type { ChatMessage, GenerateResult, GenerationSettings } from '../core/types';
import type { CatalogEntry } from './catalog';
import type { Engine, LoadOptions, LoadProgress } from './engine';
import {
  createAbortError,
  createNamedError,
  ENGINE_ERROR,
  fromWireError,
  isDeviceLossError,
} from './errors';
import type { ModelRecordLike } from './modelRecord';
import { abortedResult } from './chatWire';
import type { EngineEvent, EngineRequest } from './protocol';
import { describeCrash, unexpected, workerCrashError } from './workerErrors';

/** What the engine needs from a Worker (a real one, or a MessagePort pair in tests). */
export interface WorkerPort {
  postMessage(message: EngineRequest): void;
  terminate(): void;
  addEventListener(
    type: 'message' | 'error' | 'messageerror',
    listener: (event: Event) => void,
  ): void;
}

export interface WorkerEngineOptions {
  /** Defaults to the bundled module worker. */
  createWorker?: () => WorkerPort;
  /**
   * How long a cancelled load or generation may take to confirm before the worker is stopped
   * (defaults: 3 s for loads, 15 s for generations).
   */
  cancelGraceMs?: number;
}

type TerminalEvent = Exclude<EngineEvent, { type: 'progress' } | { type: 'token' }>;

interface Pending {
  resolve: (event: TerminalEvent) => void;
  reject: (error: Error) => void;
  onProgress?: (progress: LoadProgress) => void;
  onToken?: (delta: string) => void;
}

const DEFAULT_LOAD_CANCEL_GRACE_MS = 3000;
// Longer: web-llm sees an interrupt only between steps (a long prefill on a slow GPU takes
// seconds), and stopping the worker costs a model reload.
const DEFAULT_GENERATE_CANCEL_GRACE_MS = 15_000;

function createModuleWorker(): WorkerPort {
  return new Worker(new URL('./llm.worker.ts', import.meta.url), { type: 'module' });
}

export class WorkerEngine implements Engine {
  readonly kind = 'webllm' as const;
  readonly label = 'WebLLM (in this browser, WebGPU)';
  readonly #createWorker: () => WorkerPort;
  readonly #loadGraceMs: number;
  readonly #generateGraceMs: number;
  readonly #pending = new Map<string, Pending>();
  #worker: WorkerPort | null = null;
  #nextId = 1;
  #loadedModelId: string | null = null;
  #customRecords: ModelRecordLike[] = [];

  constructor(options: WorkerEngineOptions = {}) {
    this.#createWorker = options.createWorker ?? createModuleWorker;
    this.#loadGraceMs = options.cancelGraceMs ?? DEFAULT_LOAD_CANCEL_GRACE_MS;
    this.#generateGraceMs = options.cancelGraceMs ?? DEFAULT_GENERATE_CANCEL_GRACE_MS;
  }

  get loadedModelId(): string | null {
    return this.#loadedModelId;
  }

  /** Custom and local-folder records sent with every load and cache query (replaces the list). */
  setCustomModels(records: ModelRecordLike[]): void {
    this.#customRecords = records.map((record) => ({ ...record }));
  }

  async load(modelId: string, options: LoadOptions = {}): Promise<void> {
    const { signal, onProgress } = options;
    if (signal?.aborted) throw createAbortError('Model load cancelled.');
    this.#loadedModelId = null;
    const id = this.#newId();
    const onAbort = (): void => this.#cancelLoad(id);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const request: EngineRequest = {
        type: 'load',
        id,
        modelId,
        customRecords: this.#customRecords,
      };
      const event = await this.#send(request, onProgress === undefined ? {} : { onProgress });
      if (event.type === 'loaded') this.#loadedModelId = event.modelId;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async generate(
    messages: ChatMessage[],
    settings: GenerationSettings,
    onToken?: (delta: string) => void,
    signal?: AbortSignal,
  ): Promise<GenerateResult> {
    if (signal?.aborted) return abortedResult('');
    const modelId = this.#loadedModelId;
    // Answer locally rather than starting the worker (and its 6 MB chunk) just to refuse.
    if (modelId === null) {
      throw createNamedError(
        ENGINE_ERROR.notLoaded,
        'No model is loaded: load one before generating.',
      );
    }
    const id = this.#newId();
    let partial = '';
    const onAbort = (): void => this.#cancelGeneration(id, () => partial);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const request: EngineRequest = { type: 'generate', id, modelId, messages, settings };
      const event = await this.#send(request, {
        onToken: (delta) => {
          partial += delta;
          onToken?.(delta);
        },
      });
      if (event.type !== 'done') throw unexpected(event);
      return event.result;
    } catch (error) {
      // web-llm unloaded itself after the loss: the next load must not be skipped as "already loaded".
      if (isDeviceLossError(error) && this.#loadedModelId === modelId) this.#loadedModelId = null;
      throw error;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async unload(): Promise<void> {
    this.#loadedModelId = null;
    if (this.#worker === null) return;
    await this.#send({ type: 'unload', id: this.#newId() });
  }

  /** The curated catalog, built in the worker from web-llm's prebuilt list. */
  async listCatalog(): Promise<{ entries: CatalogEntry[]; modelVersion: string }> {
    const event = await this.#send({ type: 'catalog', id: this.#newId() });
    if (event.type !== 'catalog') throw unexpected(event);
    return { entries: event.entries, modelVersion: event.modelVersion };
  }

  /** Whether each model's weights are fully in the browser cache (web-llm `hasModelInCache`). */
  async getCacheStatus(modelIds: string[]): Promise<Record<string, boolean>> {
    const request: EngineRequest = {
      type: 'cache-status',
      id: this.#newId(),
      modelIds,
      customRecords: this.#customRecords,
    };
    const event = await this.#send(request);
    if (event.type !== 'cache-status') throw unexpected(event);
    return event.cached;
  }

  /** Deletes weights, config and library of a model from the cache. */
  async deleteCachedModel(modelId: string): Promise<void> {
    await this.#send({
      type: 'cache-delete',
      id: this.#newId(),
      modelId,
      customRecords: this.#customRecords,
    });
  }

  /** Stops the worker (frees its GPU memory); pending requests reject with an AbortError. */
  terminate(): void {
    this.#failAll(createAbortError('The model worker was stopped.'));
  }

  #newId(): string {
    return `r${this.#nextId++}`;
  }

  #ensureWorker(): WorkerPort {
    if (this.#worker !== null) return this.#worker;
    const worker = this.#createWorker();
    worker.addEventListener('message', (event) =>
      this.#onEvent((event as MessageEvent<EngineEvent>).data),
    );
    worker.addEventListener('error', (event) => this.#onCrash(describeCrash(event)));
    worker.addEventListener('messageerror', () => this.#onCrash('a message could not be decoded'));
    this.#worker = worker;
    return worker;
  }

  #post(request: EngineRequest): void {
    this.#worker?.postMessage(request);
  }

  #send(
    request: EngineRequest,
    handlers: Omit<Pending, 'resolve' | 'reject'> = {},
  ): Promise<TerminalEvent> {
    const worker = this.#ensureWorker();
    return new Promise<TerminalEvent>((resolve, reject) => {
      this.#pending.set(request.id, { resolve, reject, ...handlers });
      worker.postMessage(request);
    });
  }

  #onEvent(event: EngineEvent): void {
    const pending = this.#pending.get(event.id);
    if (pending === undefined) return; // late events of a request already settled (e.g. cancelled)
    switch (event.type) {
      case 'progress':
        return pending.onProgress?.(event.progress);
      case 'token':
        return pending.onToken?.(event.delta);
      case 'error':
        this.#pending.delete(event.id);
        return pending.reject(fromWireError(event.error));
      case 'loaded':
      case 'done':
      case 'catalog':
      case 'cache-status':
      case 'ok':
        this.#pending.delete(event.id);
        return pending.resolve(event);
      default: {
        const unknown: never = event;
        throw new Error(`Unknown engine event ${JSON.stringify(unknown)}`);
      }
    }
  }

  /**
   * Watchdog: a worker stuck in a GPU call never answers the abort. After the grace period the
   * generation resolves with what was streamed and the worker is stopped (pause/cancel finish).
   */
  #cancelGeneration(id: string, partialText: () => string): void {
    this.#post({ type: 'abort', id });
    setTimeout(() => {
      const pending = this.#pending.get(id);
      if (pending === undefined) return;
      this.#pending.delete(id);
      pending.resolve({ type: 'done', id, result: abortedResult(partialText()) });
      this.#failAll(createAbortError('The model worker did not answer a cancel and was stopped.'));
    }, this.#generateGraceMs);
  }

  #cancelLoad(id: string): void {
    this.#post({ type: 'abort', id });
    setTimeout(() => {
      if (this.#pending.has(id))
        this.#failAll(createAbortError('Model load cancelled (worker stopped).'));
    }, this.#loadGraceMs);
  }

  #onCrash(detail: string): void {
    this.#failAll(workerCrashError(detail));
  }

  /** Terminates the worker and rejects everything in flight; the next request starts a new one. */
  #failAll(error: Error): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.#loadedModelId = null;
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const entry of pending) entry.reject(error);
  }
}

let sharedEngine: WorkerEngine | null = null;

/**
 * The page's single web-llm engine (one worker, one GPU context). Created on first call; the
 * worker itself still starts only on the first request.
 */
export function getSharedWorkerEngine(): WorkerEngine {
  sharedEngine ??= new WorkerEngine();
  return sharedEngine;
}
