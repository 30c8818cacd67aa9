/**
 * The Experiments view's state: builder, saved designs, the runner and stored runs, wired to the
 * app's storage and engine.
 *
 * Owns: starting a run on the loaded model (the design's placeholder model id is bound at
 * start), loading models for the runner through `app.engine`, the list of stored runs with the
 * resume offer, and the pre-run download note. Invariants: one instance per page (obtained with
 * `getApp().use('experiments', …)`); `init` runs once; the test-build bench hook is reached only
 * behind `__SCRIPTED_ENGINE__`, so production bundles do not contain it.
 */
import { bindDefaultModel } from '../../core/experiment/presets';
import type { RunRecord } from '../../core/records';
import type { Generator, Item } from '../../core/types';
import { isModelCached } from '../../engine/cache';
import type { AppState } from './app.svelte';
import { SCRIPTED_MODEL_ID } from './engine.svelte';
import { BuilderState } from './experimentBuilder.svelte';
import { LibraryState } from './experimentLibrary.svelte';
import { loadItemPool } from './experimentPool';
import { RunnerState } from './experimentRunner.svelte';
import type { StoredRunSummary } from './experimentRuns';
import { isResumable, speedFromHistory } from './experimentRuns';
import { SCRIPTED_ENGINE_NAME } from './testBuild';
import { getModelsState } from './models.svelte';
import { endpointNameFromModelId } from '../../engine/endpoints';

/** What starting would download: shown before a run. */
export interface DownloadInfo {
  status: 'scripted' | 'loaded' | 'cached' | 'needed' | 'unknown';
  modelName: string;
  approxBytes: number | null;
}

export class ExperimentsState {
  readonly builder: BuilderState;
  readonly runner: RunnerState;
  readonly library: LibraryState;
  #runs = $state.raw<StoredRunSummary[]>([]);
  #startError = $state<string | null>(null);
  #cached = $state.raw<{ modelId: string; isCached: boolean } | null>(null);
  #hasInitialised = false;
  readonly #app: AppState;

  measuredTokensPerSecond: number | null = $derived.by(
    () =>
      this.runner?.tokensPerSecond ??
      speedFromHistory(this.#app.history.items, this.#app.engine.loadedModelId),
  );
  /** The model a new run's arms are bound to. */
  runModelId: string | null = $derived.by(() =>
    this.#app.engine.isScripted
      ? SCRIPTED_MODEL_ID
      : (this.#app.engine.loadedModelId ?? this.#app.engine.selectedModelId),
  );
  /** Stored runs that can continue, except the one running now. */
  resumable: StoredRunSummary[] = $derived(
    this.#runs.filter(
      (s) => isResumable(s.run) && !(this.runner.isRunning && s.run.id === this.runner.run?.id),
    ),
  );
  download: DownloadInfo | null = $derived.by(() => this.#describeDownload());

  constructor(app: AppState) {
    this.#app = app;
    this.runner = new RunnerState(app.storage);
    this.builder = new BuilderState(
      () => app.storage.attempt(async (repos) => repos.questionSets),
      () => this.measuredTokensPerSecond,
    );
    this.library = new LibraryState(app.storage, (design) => this.builder.load(design));
  }

  get runs(): StoredRunSummary[] {
    return this.#runs;
  }
  get startError(): string | null {
    return this.#startError;
  }

  /** Loads saved designs, question sets and stored runs; opens a design link. Once per page. */
  async init(): Promise<void> {
    if (this.#hasInitialised) return;
    this.#hasInitialised = true;
    this.library.openFromHash(location.hash);
    const sets = await this.#app.storage.attempt((repos) => repos.questionSets.list());
    if (sets !== undefined) this.builder.setSets(sets);
    await Promise.all([this.library.refresh(), this.refreshRuns()]);
    if (typeof __SCRIPTED_ENGINE__ !== 'undefined' && __SCRIPTED_ENGINE__) {
      const bench = await import('./experimentBench');
      void bench.startBenchFromUrl(this, location.search);
    }
  }

  async refreshRuns(): Promise<void> {
    const runs = await this.#app.storage.attempt(async (repos) => {
      const stored = await repos.runs.listRuns();
      return Promise.all(
        stored.map(async (run) => ({ run, done: await repos.runs.countResults(run.id) })),
      );
    });
    if (runs !== undefined) this.#runs = runs;
  }

  /** Binds the design to the chosen model and runs it (resolves when the run stops). */
  async start(): Promise<void> {
    const modelId = this.runModelId;
    if (modelId === null) {
      this.#startError = 'Choose a model in the Model panel first.';
      return;
    }
    this.#startError = null;
    const engine = this.#app.engine;
    const engineLabel =
      engine.engine?.label ?? (engine.isScripted ? SCRIPTED_ENGINE_NAME : 'WebGPU (web-llm)');
    const run = this.runner.start({
      design: bindDefaultModel(this.builder.design, modelId),
      pool: this.builder.pool,
      loadModel: (id) => this.loadModel(id),
      engineLabel,
    });
    await this.#afterRun(run);
  }

  async resume(runId: string): Promise<void> {
    await this.#afterRun(
      this.runner.resume(
        runId,
        (run) => this.#loadPool(run),
        (id) => this.loadModel(id),
      ),
    );
  }

  async openRun(runId: string): Promise<void> {
    await this.runner.open(runId, (run) => this.#loadPool(run));
  }

  /** The runner's model loader: the app's engine, loading the model when it is not loaded. */
  async loadModel(modelId: string): Promise<Generator> {
    const engine = this.#app.engine;
    if (!engine.isScripted && endpointNameFromModelId(modelId) !== null) {
      const remote = await getModelsState(this.#app).loadEndpointEngine(modelId);
      if (remote === null)
        throw new Error(`No saved endpoint for ${modelId} (see the Models view).`);
      return remote;
    }
    // The scripted test engine stands in for any model id, as in the rest of the app.
    const isLoaded = engine.isScripted
      ? engine.status === 'ready'
      : engine.loadedModelId === modelId;
    if (!isLoaded) {
      if (!engine.isScripted) engine.select(modelId);
      await engine.load();
    }
    const loaded = engine.engine;
    if (engine.status !== 'ready' || loaded === null) {
      throw new Error(engine.error ?? `The model ${modelId} could not be loaded.`);
    }
    return loaded;
  }

  /** Asks the cache whether the selected model is downloaded (real engine only). */
  async checkCache(modelId: string | null): Promise<void> {
    const engine = this.#app.engine;
    if (modelId === null || engine.isScripted || !engine.canRunModels) return;
    if (this.#cached?.modelId === modelId) return;
    try {
      this.#cached = { modelId, isCached: await isModelCached(modelId) };
    } catch {
      this.#cached = null; // the note then says "unless already cached"
    }
  }

  async #afterRun(run: Promise<void>): Promise<void> {
    const refreshing = this.refreshRuns();
    await run;
    await refreshing;
    await this.refreshRuns();
  }

  #loadPool(run: RunRecord): Promise<Item[]> {
    return loadItemPool(run.design.items.sources, {
      list: () => this.#app.storage.repos().then((r) => r.questionSets.list()),
      getItems: (id) => this.#app.storage.repos().then((r) => r.questionSets.getItems(id)),
    });
  }

  #describeDownload(): DownloadInfo | null {
    const engine = this.#app.engine;
    if (engine.isScripted) {
      return { status: 'scripted', modelName: SCRIPTED_MODEL_ID, approxBytes: 0 };
    }
    const entry = engine.selectedEntry;
    if (entry === null) return null;
    const info = { modelName: entry.name, approxBytes: entry.approxDownloadBytes };
    if (engine.loadedModelId === entry.id) return { ...info, status: 'loaded' };
    if (this.#cached?.modelId !== entry.id) return { ...info, status: 'unknown' };
    return { ...info, status: this.#cached.isCached ? 'cached' : 'needed' };
  }
}
