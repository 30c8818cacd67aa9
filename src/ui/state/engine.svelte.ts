/**
 * Engine state for the UI: capability, catalog, the selected model, and its load lifecycle.
 *
 * Owns: which engine generates (web-llm, or the scripted test engine in test builds), the load
 * progress with ETA, and errors in plain words. Invariants: the web-llm worker (and its ~6 MB
 * chunk) starts only after the capability probe says WebGPU can run; the catalog always comes
 * from the installed web-llm's own list; the scripted engine is labelled wherever it is used.
 */
import type { CapabilityDecision } from '../../engine/capability';
import { decideCapability, probeCapability, readDeviceMemoryGiB } from '../../engine/capability';
import type { CatalogEntry, RunnableVerdict } from '../../engine/catalog';
import { isRunnable, pickDefaultModel } from '../../engine/catalog';
import type { Engine, LoadProgress } from '../../engine/engine';
import { estimateRemainingMs } from '../../engine/engine';
import { fetchTensorManifest, largestTensorBytes } from '../../engine/downloadSize';
import { createEngine, getEngineOverride } from '../../engine/engineFactory';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** The model id the scripted test engine pretends to load. */
export const SCRIPTED_MODEL_ID = 'scripted-test-model';

function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

export class EngineState {
  #capability = $state.raw<CapabilityDecision | null>(null);
  #rawCatalog = $state.raw<CatalogEntry[]>([]);
  /** Largest weight tensor per model id, read on small-buffer devices (see `#checkTensors`). */
  #largestTensors = $state.raw<Record<string, number>>({});
  #catalog: CatalogEntry[] = $derived(
    this.#rawCatalog.map((entry) =>
      entry.id in this.#largestTensors
        ? { ...entry, largestTensorBytes: this.#largestTensors[entry.id] }
        : entry,
    ),
  );
  #catalogError = $state<string | null>(null);
  #selectedModelId = $state<string | null>(null);
  #status = $state<LoadStatus>('idle');
  #progress = $state.raw<LoadProgress | null>(null);
  #error = $state<string | null>(null);
  #engine = $state.raw<Engine | null>(null);
  #controller: AbortController | null = null;
  #reservations = $state.raw<{ token: number; reason: string }[]>([]);
  #nextToken = 1;
  readonly isScripted = getEngineOverride() === 'scripted';

  eta: number | null = $derived(this.#progress ? estimateRemainingMs(this.#progress) : null);
  selectedEntry: CatalogEntry | null = $derived(
    this.#catalog.find((entry) => entry.id === this.#selectedModelId) ?? null,
  );
  canRunModels: boolean = $derived(
    this.isScripted || (this.#capability !== null && this.#capability.status !== 'unavailable'),
  );

  get capability(): CapabilityDecision | null {
    return this.#capability;
  }
  get catalog(): CatalogEntry[] {
    return this.#catalog;
  }
  get catalogError(): string | null {
    return this.#catalogError;
  }
  get selectedModelId(): string | null {
    return this.#selectedModelId;
  }
  get status(): LoadStatus {
    return this.#status;
  }
  get progress(): LoadProgress | null {
    return this.#progress;
  }
  get error(): string | null {
    return this.#error;
  }
  get engine(): Engine | null {
    return this.#engine;
  }
  get loadedModelId(): string | null {
    return this.#status === 'ready' ? (this.#engine?.loadedModelId ?? null) : null;
  }
  /** True while a run holds the engine: loading, unloading and switching models are refused. */
  get isReserved(): boolean {
    return this.#reservations.length > 0;
  }
  /** Why models cannot be switched now (shown beside disabled load buttons), or null. */
  get reservedReason(): string | null {
    return this.#reservations[0]?.reason ?? null;
  }

  /**
   * Holds the loaded model for a run: until the returned release function is called, `load`,
   * `select` and every picker's load button are disabled with `reason` shown. Releasing twice
   * is harmless; several holders may reserve at once.
   */
  reserve(reason: string): () => void {
    const token = this.#nextToken++;
    this.#reservations = [...this.#reservations, { token, reason }];
    return () => {
      this.#reservations = this.#reservations.filter((r) => r.token !== token);
    };
  }

  /** Probes WebGPU, then (when usable) fetches the catalog and preselects the default model. */
  async initialise(): Promise<void> {
    const input = await probeCapability();
    const decision = decideCapability(input);
    this.#capability = decision;
    if (decision.status === 'unavailable') return;
    try {
      const worker = await createEngine('webllm');
      const { entries } = await worker.listCatalog();
      const annotated = decideCapability(input, entries);
      this.#capability = annotated;
      this.#rawCatalog = entries;
      this.#selectedModelId = pickDefaultModel(entries, annotated)?.id ?? null;
    } catch (error) {
      this.#catalogError = `Could not read web-llm's model list: ${describeError(error)}`;
    }
  }

  /** Whether a catalog entry can run (and is recommended) here, with the reason beside it. */
  runnable(entry: CatalogEntry): RunnableVerdict {
    return this.#capability
      ? isRunnable(entry, this.#capability, readDeviceMemoryGiB())
      : { isRunnable: false, isRecommended: false, reason: 'checking this device…' };
  }

  /**
   * Picks the model to load. While the engine is reserved only the holder may switch (`asHolder`),
   * so a run can reload its own arm's model after a device loss but no picker can swap it.
   */
  select(modelId: string, { asHolder = false } = {}): void {
    if (this.isReserved && !asHolder) return;
    this.#selectedModelId = modelId;
    void this.#checkTensors();
  }

  /**
   * When the user picks a model on a device whose storage-buffer binding is below 1 GiB, reads its
   * tensor-cache.json (small JSON) so the advice also checks its largest tensor; offline or on a
   * failed read the declared need stands.
   */
  async #checkTensors(): Promise<void> {
    const entry = this.#rawCatalog.find((e) => e.id === this.#selectedModelId);
    const binding = this.#capability?.bindingBytesAvailable ?? 0;
    if (entry === undefined || this.isScripted || binding === 0 || binding >= 2 ** 30) return;
    if (entry.id in this.#largestTensors) return;
    try {
      const { manifest } = await fetchTensorManifest(entry.modelUrl);
      this.#largestTensors = { ...this.#largestTensors, [entry.id]: largestTensorBytes(manifest) };
    } catch {
      // Keep the declared need; the load itself will report what went wrong.
    }
  }

  /** Downloads (or reads from cache) and initialises the selected model, reporting progress. */
  async load({ asHolder = false } = {}): Promise<void> {
    // The scripted test engine stands in for whatever is selected, under its own model id.
    const modelId = this.isScripted ? SCRIPTED_MODEL_ID : this.#selectedModelId;
    if (!modelId || this.#status === 'loading' || (this.isReserved && !asHolder)) return;
    this.#controller = new AbortController();
    this.#status = 'loading';
    this.#error = null;
    this.#progress = null;
    try {
      const engine = this.#engine ?? (await createEngine(this.isScripted ? 'scripted' : 'webllm'));
      this.#engine = engine;
      await engine.load(modelId, {
        onProgress: (progress) => (this.#progress = progress),
        signal: this.#controller.signal,
      });
      this.#status = 'ready';
    } catch (error) {
      this.#status = 'error';
      this.#error = this.#controller.signal.aborted
        ? 'Download cancelled. Files already fetched stay cached for next time.'
        : describeError(error);
    } finally {
      this.#controller = null;
    }
  }

  cancelLoad(): void {
    this.#controller?.abort();
  }
}
