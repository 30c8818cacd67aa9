/**
 * The Experiments view's state: builder, saved designs, the runner and stored runs, wired to the
 * app's storage and engine.
 *
 * Owns: starting a run on the loaded model (the design's placeholder model id is bound at
 * start), loading models for the runner through `app.engine`, the list of stored runs with the
 * resume, cancel and delete actions, the pre-run download note and time estimate, and what is
 * restored after a reload (see experimentSession.svelte.ts). Invariants: one instance per page
 * (obtained with `getApp().use('experiments', …)`); `init` runs once; Start stores nothing until
 * the model is loaded, so an offline start leaves no run behind; while a run uses the engine it
 * holds the engine's reservation (no model switch under it); the test-build bench hook is
 * reached only behind `__SCRIPTED_ENGINE__`, so production bundles do not contain it.
 */
import { bindDefaultModel } from '../../core/experiment/presets';
import type { TimeEstimate } from '../../core/experiment/speeds';
import { estimateTime } from '../../core/experiment/speeds';
import type { RunRecord } from '../../core/records';
import type { Generator, Item } from '../../core/types';
import { isModelCached } from '../../engine/cache';
import type { AppState } from './app.svelte';
import { SCRIPTED_MODEL_ID } from './engine.svelte';
import { BuilderState } from './experimentBuilder.svelte';
import { LibraryState } from './experimentLibrary.svelte';
import { loadItemPool } from '../../core/experiment/pool';
import { RunnerState } from './experimentRunner.svelte';
import { SessionState } from './experimentSession.svelte';
import type { StoredRunSummary } from '../../core/experiment/storedRuns';
import { isResumable, speedFromHistory } from '../../core/experiment/storedRuns';
import { SCRIPTED_ENGINE_NAME } from '../testBuild';
import { getModelsState } from './models.svelte';
import { endpointNameFromModelId } from '../../engine/endpoints';

/** What starting would download: shown before a run. */
export interface DownloadInfo {
  status: 'scripted' | 'loaded' | 'cached' | 'needed' | 'unknown';
  modelName: string;
  approxBytes: number | null;
}

/** The engine's reservation API (added by the engine work; absent on older engines). */

export class ExperimentsState {
  readonly builder: BuilderState;
  readonly runner: RunnerState;
  readonly library: LibraryState;
  readonly session: SessionState;
  #runs = $state.raw<StoredRunSummary[]>([]);
  #startError = $state<string | null>(null);
  #isStarting = $state(false);
  #cached = $state.raw<{ modelId: string; isCached: boolean } | null>(null);
  #hasInitialised = false;
  #isRestored = false;
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
  /** Expected run time: measured per model and mode, a range until then. */
  timeEstimate: TimeEstimate = $derived.by(() => {
    const design = this.builder.design;
    const speed = this.session.speedFor(this.runModelId, design.isFastMode);
    return estimateTime(this.builder.plan, design.arms, design.isFastMode, speed);
  });

  constructor(app: AppState) {
    this.#app = app;
    this.session = new SessionState(app.storage);
    // The run on show is remembered so a reload shows its dashboard again.
    this.runner = new RunnerState(app.storage, (runId) => void this.session.setOpenRun(runId));
    this.builder = new BuilderState(
      () => app.storage.attempt(async (repos) => repos.questionSets),
      () => this.measuredTokensPerSecond,
      // Saved only once the last page's design is restored, so the preset never overwrites it.
      (design) => this.#isRestored && this.session.saveDesign(design),
    );
    this.library = new LibraryState(app.storage, (design) => this.builder.load(design));
  }

  /** True while Start is loading the model, before anything is stored. */
  get isStarting(): boolean {
    return this.#isStarting;
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
    const isLink = this.library.openFromHash(location.hash);
    const restored = await this.session.restore();
    this.#isRestored = true;
    if (!isLink && restored.design !== null) this.builder.load(restored.design);
    else if (isLink) this.session.saveDesign(this.builder.design);
    const sets = await this.#app.storage.attempt((repos) => repos.questionSets.list());
    if (sets !== undefined) this.builder.setSets(sets);
    await Promise.all([this.library.refresh(), this.refreshRuns()]);
    const openRunId = restored.openRunId;
    if (openRunId !== null && this.#runs.some((s) => s.run.id === openRunId)) {
      await this.openRun(openRunId);
    }
    if (typeof __SCRIPTED_ENGINE__ !== 'undefined' && __SCRIPTED_ENGINE__) {
      const bench = await import('../benchHook');
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

  /**
   * Loads the first arm's model, then binds the design to the chosen model and runs it (resolves
   * when the run stops). A model that cannot load stops here, with nothing stored.
   */
  async start(): Promise<void> {
    const modelId = this.runModelId;
    if (modelId === null) {
      this.#startError = 'Choose a model in the Model panel first.';
      return;
    }
    this.#startError = null;
    const bound = bindDefaultModel(this.builder.design, modelId);
    // A run records the convention it grades under: the design's, else the app-wide switch's.
    const design = { ...bound, convention: bound.convention ?? this.#app.grading.convention };
    if (!(await this.#prepareModel(design.arms[0]?.modelId ?? modelId))) return;
    const engine = this.#app.engine;
    const engineLabel =
      engine.engine?.label ?? (engine.isScripted ? SCRIPTED_ENGINE_NAME : 'WebGPU (web-llm)');
    const run = this.runner.start({
      design,
      pool: this.builder.pool,
      loadModel: (id) => this.loadModel(id),
      reloadModel: (id) => this.loadModel(id, { isReload: true }),
      engineLabel,
    });
    await this.#afterRun(run);
  }

  async #prepareModel(modelId: string): Promise<boolean> {
    this.#isStarting = true;
    try {
      await this.loadModel(modelId);
      return true;
    } catch (error) {
      const why = error instanceof Error ? error.message || error.name : String(error);
      this.#startError = `The run was not started, and nothing was stored: the model could not be loaded (${why}). Offline, use a model already in this browser's cache, a local model folder or a localhost endpoint such as Ollama (Models view).`;
      return false;
    } finally {
      this.#isStarting = false;
    }
  }

  /** Cancels a run for good: the running one stops; a stored unfinished one is marked cancelled. */
  async cancelRun(runId: string): Promise<void> {
    if (this.runner.isRunning && this.runner.run?.id === runId) this.runner.cancel();
    else await this.runner.cancelStored(runId);
    await this.refreshRuns();
  }

  /** Deletes a run with its plan and answers (not the one running). */
  async deleteRun(runId: string): Promise<void> {
    if (this.runner.isRunning && this.runner.run?.id === runId) return;
    const deleted = await this.#app.storage.attempt(async (r) => {
      await r.runs.deleteRun(runId);
      return true;
    });
    if (deleted === undefined) return;
    if (this.runner.run?.id === runId) {
      this.runner.close();
      await this.session.setOpenRun(null);
    }
    await this.refreshRuns();
  }

  async resume(runId: string): Promise<void> {
    await this.#afterRun(
      this.runner.resume(
        runId,
        (run) => this.#loadPool(run),
        (id) => this.loadModel(id),
        (id) => this.loadModel(id, { isReload: true }),
      ),
    );
  }

  async openRun(runId: string): Promise<void> {
    await this.runner.open(runId, (run) => this.#loadPool(run));
  }

  /**
   * The runner's model loader: the app's engine, loading the model when it is not loaded.
   * `isReload` loads it again even when the engine reports it loaded: after a GPU device loss
   * web-llm has unloaded itself while our state still says "ready".
   */
  async loadModel(modelId: string, { isReload = false } = {}): Promise<Generator> {
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
    if (!isLoaded || isReload) {
      // The run holds the engine's reservation: it may (re)load its own arm's model.
      if (!engine.isScripted) engine.select(modelId, { asHolder: true });
      await engine.load({ asHolder: true });
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
    const release = this.#app.engine.reserve('an experiment run');
    try {
      const refreshing = this.refreshRuns();
      await run;
      await refreshing;
    } finally {
      release();
    }
    const finished = this.runner.run;
    if (finished !== null) {
      await this.session.recordRun(this.runner.records, finished.design.isFastMode);
    }
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
