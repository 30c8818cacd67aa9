/**
 * Runner state: drives `runExperiment` for one run at a time and shows where it stands.
 *
 * Owns: start (plan → stored run → generations), resume, pause, cancel, the status persisted with
 * `setStatus`, live progress and the run's records. Invariants: the run and its whole plan are
 * stored BEFORE the first generation, so a reload can always resume; `records` is what storage
 * holds for the run (loaded on open/resume, then appended from `onResult` in batches of at most
 * ~3 per second, replacing the array); only one run executes at a time.
 */
import type { ExperimentDesign } from '../../core/experiment/design';
import { assertValidDesign } from '../../core/experiment/design';
import type { PlanEntry } from '../../core/experiment/plan';
import { buildPlan } from '../../core/experiment/plan';
import type { ProgressSummary } from '../../core/experiment/progress';
import { CANCEL_REASON, runExperiment } from '../../core/experiment/runner';
import { newId, nowIso } from '../../core/ids';
import type { RunRecord, RunStatus } from '../../core/records';
import type { Generator, Item, ResponseRecord } from '../../core/types';
import { createRunStore, type Repositories } from '../../storage';
import { UpdateBatcher } from '../../core/experiment/batch';
import { composeCached, createRuleGrader, itemsInPlan } from '../../core/experiment/pool';
import type { StorageState } from './storage.svelte';

export type LoadModel = (modelId: string) => Promise<Generator>;

export interface StartInput {
  /** A design whose arms name real model ids (see `bindDefaultModel`). */
  design: ExperimentDesign;
  pool: readonly Item[];
  loadModel: LoadModel;
  /** Loads the model again even when the engine says it is loaded (after a GPU device loss). */
  reloadModel?: LoadModel;
  engineLabel: string;
  /** Keeps only the first n plan entries (the orchestration bench). */
  planLimit?: number;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}

export class RunnerState {
  #run = $state.raw<RunRecord | null>(null);
  #records = $state.raw<ResponseRecord[]>([]);
  #items = $state.raw<Item[]>([]);
  #progress = $state.raw<ProgressSummary | null>(null);
  #status = $state<RunStatus | 'idle'>('idle');
  #reason = $state<string | null>(null);
  #notice = $state<string | null>(null);
  #tokensPerSecond = $state<number | null>(null);
  #controller: AbortController | null = null;
  readonly #storage: StorageState;
  readonly #onOpened: (runId: string) => void;

  isRunning: boolean = $derived(this.#status === 'running');

  /** `onOpened` hears the id of every run this state shows (started, resumed or opened). */
  constructor(storage: StorageState, onOpened: (runId: string) => void = () => {}) {
    this.#storage = storage;
    this.#onOpened = onOpened;
  }

  get run(): RunRecord | null {
    return this.#run;
  }
  get records(): ResponseRecord[] {
    return this.#records;
  }
  get items(): Item[] {
    return this.#items;
  }
  get progress(): ProgressSummary | null {
    return this.#progress;
  }
  get status(): RunStatus | 'idle' {
    return this.#status;
  }
  get reason(): string | null {
    return this.#reason;
  }
  get notice(): string | null {
    return this.#notice;
  }
  /** Decode speed measured in this page's last run, for estimates. */
  get tokensPerSecond(): number | null {
    return this.#tokensPerSecond;
  }

  /** Plans the design, stores the run with its plan, then runs it. Resolves when it stops. */
  async start(input: StartInput): Promise<void> {
    if (this.#controller !== null) return;
    let plan: PlanEntry[];
    try {
      assertValidDesign(input.design);
      plan = buildPlan(input.design, input.pool, composeCached);
      if (input.planLimit !== undefined) plan = plan.slice(0, input.planLimit);
      if (plan.length === 0) throw new Error('The design selects no questions.');
    } catch (error) {
      this.#fail(`Could not plan the run: ${describeError(error)}`);
      return;
    }
    const now = nowIso();
    const run: RunRecord = {
      id: newId('run'),
      name: input.design.name,
      design: input.design,
      status: 'running',
      planSize: plan.length,
      engineLabel: input.engineLabel,
      createdAt: now,
      updatedAt: now,
    };
    const repos = await this.#storage.attempt(async (r) => {
      await r.runs.createRun(run, plan);
      return r;
    });
    if (repos === undefined) return this.#fail('Could not store the run; nothing was generated.');
    this.#open(run, [], itemsInPlan(plan, input.pool));
    await this.#execute(repos, run, plan, input);
  }

  /** Shows a stored run and its answers without running it. */
  async open(runId: string, loadPool: (run: RunRecord) => Promise<Item[]>): Promise<void> {
    if (this.#controller === null) await this.#load(runId, loadPool);
  }

  /** Opens a stored run and continues it from its first missing entry. */
  async resume(
    runId: string,
    loadPool: (run: RunRecord) => Promise<Item[]>,
    loadModel: LoadModel,
    reloadModel?: LoadModel,
  ): Promise<void> {
    if (this.#controller !== null) return;
    const opened = await this.#load(runId, loadPool);
    if (opened === undefined) return;
    const { repos, run, plan, pool } = opened;
    const input: StartInput = {
      design: run.design,
      pool,
      loadModel,
      engineLabel: run.engineLabel ?? '',
    };
    if (reloadModel !== undefined) input.reloadModel = reloadModel;
    await this.#execute(repos, run, plan, input);
  }

  async #load(runId: string, loadPool: (run: RunRecord) => Promise<Item[]>) {
    const opened = await this.#storage.attempt(async (repos) => {
      const run = await repos.runs.getRun(runId);
      if (run === undefined) throw new Error(`No stored run '${runId}'.`);
      const [plan, records] = await Promise.all([
        repos.runs.getPlan(runId),
        repos.runs.listResults(runId),
      ]);
      return { repos, run, plan, records };
    });
    if (opened === undefined) return undefined;
    const { run, plan, records } = opened;
    // A run stored as `running` while nothing runs it was interrupted (a reload): it is paused.
    const isInterrupted = run.status === 'running';
    this.#status = isInterrupted ? 'paused' : run.status;
    try {
      const pool = await loadPool(run);
      this.#open(run, records, itemsInPlan(plan, pool));
      this.#reason = isInterrupted
        ? 'Interrupted (the page was closed or reloaded): resume to continue.'
        : (run.reason ?? null);
      return { ...opened, pool };
    } catch (error) {
      this.#open(run, records, []);
      this.#fail(describeError(error));
      return undefined;
    }
  }

  /** Stops after the answer in flight; the run can be resumed later. */
  pause(): void {
    this.#controller?.abort('pause');
  }

  /** Stops for good; stored answers are kept. */
  cancel(): void {
    this.#controller?.abort(CANCEL_REASON);
  }

  /** Marks a stored run that is not running (paused, failed, left running by a reload) cancelled. */
  async cancelStored(runId: string): Promise<void> {
    if (this.#controller !== null && this.#run?.id === runId) return;
    const stored = await this.#storage.attempt((r) =>
      r.runs.setStatus(runId, 'cancelled', 'Cancelled by the user.'),
    );
    if (stored === undefined || this.#run?.id !== runId) return;
    this.#run = stored;
    this.#status = 'cancelled';
    this.#reason = stored.reason ?? null;
  }

  /** Stops showing the current run (after it was deleted). */
  close(): void {
    if (this.#controller !== null) return;
    this.#run = null;
    this.#records = [];
    this.#items = [];
    this.#progress = null;
    this.#status = 'idle';
    this.#reason = null;
    this.#notice = null;
  }

  #open(run: RunRecord, records: ResponseRecord[], items: Item[]): void {
    this.#onOpened(run.id);
    this.#run = run;
    this.#records = records;
    this.#items = items;
    this.#progress = null;
    this.#reason = null;
    this.#notice = null;
  }

  #fail(reason: string): void {
    this.#status = 'failed';
    this.#reason = reason;
  }

  async #execute(
    repos: Repositories,
    run: RunRecord,
    plan: PlanEntry[],
    input: StartInput,
  ): Promise<void> {
    const controller = new AbortController();
    this.#controller = controller;
    this.#status = 'running';
    this.#reason = null;
    this.#notice = null;
    await repos.runs.setStatus(run.id, 'running').catch((e: unknown) => this.#storage.report(e));
    const batcher = new UpdateBatcher<ResponseRecord, ProgressSummary>((added, progress) => {
      if (added.length > 0) this.#records = [...this.#records, ...added];
      if (progress !== null) this.#showProgress(progress);
    });
    const outcome = await runExperiment({
      runId: run.id,
      plan,
      arms: run.design.arms,
      store: createRunStore(repos.runs, run.id),
      loadModel: input.loadModel,
      reloadModel: input.reloadModel ?? input.loadModel,
      grade: createRuleGrader(input.pool, run.design.convention),
      isFastMode: run.design.isFastMode,
      signal: controller.signal,
      onProgress: (summary) => batcher.setStatus(summary),
      onResult: (record) => batcher.add(record),
      onNotice: (message) => (this.#notice = message),
    });
    batcher.flush();
    this.#controller = null;
    const stored = await this.#storage.attempt((r) =>
      r.runs.setStatus(run.id, outcome.status, outcome.reason),
    );
    if (stored !== undefined) this.#run = stored;
    this.#status = outcome.status;
    this.#reason = outcome.reason ?? null;
  }

  #showProgress(progress: ProgressSummary): void {
    this.#progress = progress;
    if (progress.tokensPerSecond !== null) this.#tokensPerSecond = progress.tokensPerSecond;
  }
}
