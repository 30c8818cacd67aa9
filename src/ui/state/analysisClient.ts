/**
 * The main-thread side of the analysis worker.
 *
 * Owns: starting the worker on first use, matching replies to requests by id, and cancelling
 * by terminating the worker (a fresh one starts with the next request). Invariants: every
 * request's promise settles exactly once — with its result, the worker's error, or a
 * CancelledError; messages are typed by src/workers/analysisProtocol.ts and never cast from `any`.
 */
import type {
  AnalysisEvent,
  AnalysisInput,
  AnalysisOutcome,
  ImportFileInput,
  ImportedData,
} from '../../workers/analysisProtocol';
import type { AnalysisMode } from '../../core/stats/outcomes';
import type { GradingConvention } from '../../core/types';

/** The request was cancelled by the user (the worker was stopped). */
export class CancelledError extends Error {
  override name = 'CancelledError';
  constructor() {
    super('Cancelled.');
  }
}

export type ProgressListener = (stage: string, done: number, total: number) => void;

interface Pending {
  resolve: (event: AnalysisEvent) => void;
  reject: (error: Error) => void;
  onProgress: ProgressListener;
}

type RequestBody =
  | { type: 'import'; files: ImportFileInput[]; convention?: GradingConvention }
  | { type: 'analyse'; input: AnalysisInput; mode: AnalysisMode };

export class AnalysisClient {
  #worker: Worker | null = null;
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();

  /** Reads and pools files in the worker. */
  async importFiles(
    files: ImportFileInput[],
    onProgress: ProgressListener,
    convention?: GradingConvention,
  ): Promise<ImportedData> {
    const event = await this.#send({ type: 'import', files, convention }, onProgress);
    if (event.type !== 'imported') throw new Error(`unexpected worker reply "${event.type}"`);
    return event.data;
  }

  /** Runs the analysis in the worker. */
  async analyse(
    input: AnalysisInput,
    mode: AnalysisMode,
    onProgress: ProgressListener,
  ): Promise<AnalysisOutcome> {
    const event = await this.#send({ type: 'analyse', input, mode }, onProgress);
    if (event.type !== 'analysed') throw new Error(`unexpected worker reply "${event.type}"`);
    return event.outcome;
  }

  /** Stops the worker; every open request rejects with a CancelledError. */
  cancel(): void {
    this.#worker?.terminate();
    this.#worker = null;
    for (const pending of this.#pending.values()) pending.reject(new CancelledError());
    this.#pending.clear();
  }

  #send(body: RequestBody, onProgress: ProgressListener): Promise<AnalysisEvent> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, onProgress });
      this.#ensureWorker().postMessage({ ...body, id });
    });
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('../../workers/analysis.worker.ts', import.meta.url), {
      type: 'module',
    });
    worker.onmessage = (event: MessageEvent<AnalysisEvent>) => this.#receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.#failAll(new Error(`The analysis worker stopped: ${event.message || 'unknown error'}`));
    };
    this.#worker = worker;
    return worker;
  }

  #receive(event: AnalysisEvent): void {
    const pending = this.#pending.get(event.id);
    if (!pending) return;
    if (event.type === 'progress') {
      pending.onProgress(event.stage, event.done, event.total);
      return;
    }
    this.#pending.delete(event.id);
    if (event.type === 'error') {
      const error = new Error(event.error.message);
      error.name = event.error.name;
      pending.reject(error);
    } else pending.resolve(event);
  }

  #failAll(error: Error): void {
    this.#worker?.terminate();
    this.#worker = null;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}
