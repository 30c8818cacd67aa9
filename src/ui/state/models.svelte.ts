/**
 * The Models view's state, and the model list other views offer for arms.
 *
 * Owns: wiring the catalog (from `app.engine`, or read here when WebGPU is missing so the table
 * still shows), the cache and storage panel, saved custom/local models, endpoints, downloading
 * (= loading through `app.engine`, with its progress and cancel) and the two-model memory check.
 * Invariants: one instance per page, obtained with `getModelsState(app)`; `init` runs once and
 * registers saved models with the worker engine before any cache query; model ids are unique
 * across catalog, saved models and `endpoint:<name>` endpoints.
 */
import { readDeviceMemoryGiB } from '../../engine/capability';
import type { CatalogEntry } from '../../engine/catalog';
import type { OpenAiEngine } from '../../engine/openaiEngine';
import { getSharedWorkerEngine } from '../../engine/workerEngine';
import type { AppState } from './app.svelte';
import { ModelCacheState } from './modelsCache.svelte';
import type { CatalogRow } from '../../engine/modelDescribe';
import { buildCatalogRows, describeModelLoadError } from '../../engine/modelDescribe';
import { endpointNameFromModelId } from '../../engine/endpoints';
import { EndpointsState } from './modelsEndpointsState.svelte';
import { FolderImportState } from './modelsFolderState.svelte';
import type { MemoryCheck } from '../../engine/memory';
import { checkArmsMemory } from '../../engine/memory';
import { SavedModelsState } from './modelsSavedState.svelte';
import type { UsableModel } from '../../engine/usableModels';
import { listUsableModels } from '../../engine/usableModels';
import { DEFAULT_MODEL_ID } from '../../core/experiment/presets';

/** How long `init` waits for the engine state's capability probe and catalog. */
const ENGINE_WAIT_MS = 90_000;
const ENGINE_POLL_MS = 100;

export class ModelsState {
  readonly cache = new ModelCacheState();
  readonly saved: SavedModelsState;
  readonly folder: FolderImportState;
  readonly endpoints: EndpointsState;
  #ownCatalog = $state.raw<CatalogEntry[]>([]);
  #ownCatalogError = $state<string | null>(null);
  #loadingId = $state<string | null>(null);
  #isRunnableOnly = $state(false);
  #hasInitialised = false;
  readonly #app: AppState;

  // $derived.by defers reading #app and the sub-states until after the constructor ran.
  entries: CatalogEntry[] = $derived.by(() =>
    this.#app.engine.catalog.length > 0 ? this.#app.engine.catalog : this.#ownCatalog,
  );
  catalogError: string | null = $derived.by(
    () => this.#app.engine.catalogError ?? this.#ownCatalogError,
  );
  rows: CatalogRow[] = $derived.by(() =>
    buildCatalogRows(
      this.entries,
      (entry) => this.#app.engine.runnable(entry),
      this.cache.cached,
      this.cache.isChecking,
    ),
  );
  /** The table's rows, without the ones this device cannot run when the user asks so. */
  visibleRows: CatalogRow[] = $derived.by(() =>
    this.#isRunnableOnly ? this.rows.filter((row) => row.verdict.isRunnable) : this.rows,
  );
  usable: UsableModel[] = $derived.by(() =>
    listUsableModels(
      this.entries,
      this.saved.models,
      this.endpoints.endpoints,
      this.#app.engine.capability,
      readDeviceMemoryGiB(),
    ),
  );
  /** The engine's load error in plain words (a broken .wasm library gets its own explanation). */
  loadFailure: string | null = $derived.by(() =>
    this.#app.engine.status === 'error' && this.#app.engine.error !== null
      ? describeModelLoadError(this.#app.engine.error, this.#loadingId)
      : null,
  );

  constructor(app: AppState) {
    this.#app = app;
    this.saved = new SavedModelsState(app.storage);
    this.folder = new FolderImportState(async (model) => {
      await this.saved.add(model);
      await this.cache.refresh([model.id]);
    });
    this.endpoints = new EndpointsState(app.storage);
  }

  /** The model a download/load was last started for from this view. */
  get loadingId(): string | null {
    return this.#loadingId;
  }

  get isRunnableOnly(): boolean {
    return this.#isRunnableOnly;
  }

  setRunnableOnly(isRunnableOnly: boolean): void {
    this.#isRunnableOnly = isRunnableOnly;
  }

  /** Reads saved models and endpoints, registers models, then the catalog's cache status. */
  async init(): Promise<void> {
    if (this.#hasInitialised) return;
    this.#hasInitialised = true;
    await Promise.all([this.saved.load(), this.endpoints.load(), this.cache.refreshStorage()]);
    await this.#awaitEngineCatalog();
    if (this.entries.length === 0 && this.#app.engine.catalogError === null) {
      await this.#readCatalogWithoutGpu();
    }
    await this.refreshCache();
  }

  async refreshCache(): Promise<void> {
    await this.cache.refresh([
      ...this.entries.map((entry) => entry.id),
      ...this.saved.models.map((model) => model.id),
    ]);
  }

  /** Selects a model in the app's engine state (the model every view loads next). */
  select(modelId: string): void {
    this.#app.engine.select(modelId);
  }

  /** Download = load: fetches (or reads from cache) and initialises the model. */
  async download(modelId: string): Promise<void> {
    this.#loadingId = modelId;
    this.#app.engine.select(modelId);
    await this.#app.engine.load();
    await Promise.all([this.cache.refresh([modelId]), this.cache.refreshStorage()]);
  }

  /** Deletes a saved model's cached files and forgets it. */
  async forget(modelId: string): Promise<void> {
    this.cache.askDelete(modelId);
    await this.cache.confirmDelete();
    await this.saved.remove(modelId);
  }

  /** A not-yet-loaded engine for `endpoint:<name>` arms (call `load(model)` first), or null. */
  getEndpointEngine(name: string): OpenAiEngine | null {
    return this.endpoints.getEngine(endpointNameFromModelId(name) ?? name);
  }

  /**
   * A ready engine for an `endpoint:<name>` model id (loaded with the endpoint's model name), or
   * null when no such endpoint is saved.
   */
  async loadEndpointEngine(modelId: string): Promise<OpenAiEngine | null> {
    const name = endpointNameFromModelId(modelId) ?? modelId;
    const endpoint = this.endpoints.endpoints.find((e) => e.name === name);
    const engine = this.endpoints.getEngine(name);
    if (endpoint === undefined || engine === null) return null;
    await engine.load(endpoint.model);
    return engine;
  }

  /** `checkMemory` over a design's arms; the placeholder model is the one selected to load. */
  checkArmsMemory(arms: readonly { modelId: string }[]): MemoryCheck {
    const selected = this.#app.engine.selectedModelId;
    const ids = arms
      .map((arm) => (arm.modelId === DEFAULT_MODEL_ID ? selected : arm.modelId))
      .filter((id): id is string => id !== null);
    return this.checkMemory(ids.filter((id, i) => ids.indexOf(id) === i));
  }

  /** Warns when arms on different models likely exceed the device's GPU memory together. */
  checkMemory(modelIds: readonly string[]): MemoryCheck {
    const arms = modelIds.map((modelId) => ({
      modelId,
      vramRequiredMB: this.usable.find((m) => m.id === modelId)?.vramRequiredMB ?? null,
    }));
    return checkArmsMemory(arms, readDeviceMemoryGiB());
  }

  // EngineState exposes no promise for its start-up probe, so wait for its result to appear.
  async #awaitEngineCatalog(): Promise<void> {
    const engine = this.#app.engine;
    const isSettled = (): boolean =>
      engine.capability !== null &&
      (engine.capability.status === 'unavailable' ||
        engine.catalog.length > 0 ||
        engine.catalogError !== null);
    for (let waited = 0; !isSettled() && waited < ENGINE_WAIT_MS; waited += ENGINE_POLL_MS) {
      await new Promise((resolve) => setTimeout(resolve, ENGINE_POLL_MS));
    }
  }

  /** Without WebGPU the engine state skips the catalog; web-llm's list still reads fine. */
  async #readCatalogWithoutGpu(): Promise<void> {
    try {
      this.#ownCatalog = (await getSharedWorkerEngine().listCatalog()).entries;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.#ownCatalogError = `Could not read web-llm's model list: ${message}`;
    }
  }
}

/** The page's one ModelsState (created and initialised on first use). */
export function getModelsState(app: AppState): ModelsState {
  return app.use('models', (owner) => {
    const state = new ModelsState(owner);
    void state.init();
    return state;
  });
}
