/**
 * The Review view's state: which run is open, its answers, items and human labels, and the three
 * parts working on them (judge pass, labelling queue, agreement).
 *
 * Owns: loading a run's records from IndexedDB and keeping the in-memory copy equal to what is
 * stored (every grade written goes through `replaceRecord` with the record storage returned), and
 * the view judges and compares under the app-wide grading convention (grading.svelte.ts).
 * Invariants: one instance per page (`getApp().use('review', …)`); a slower load of a run the
 * user has already left never overwrites the newer selection; components never touch storage.
 */
import type { RunRecord, HumanLabel as StoredLabel } from '../../core/records';
import type { GradingConvention, Item, ResponseRecord } from '../../core/types';
import type { AppState } from './app.svelte';
import type { GradingState } from './grading.svelte';
import { getGradingState } from './grading.svelte';
import { ReviewAgreementState } from './reviewAgreement.svelte';
import { ReviewJudgeState } from './reviewJudge.svelte';
import type { GradeCount } from '../../core/review/reviewLogic';
import { countGrades, labelsOfRun } from '../../core/review/reviewLogic';
import { ReviewQueueState } from './reviewQueue.svelte';
import { EMPTY_ITEMS, loadRun } from '../../core/review/reviewRun';
import type { ArmAgreement } from '../../core/review/unsureFirst';
import { countUnsure, ruleAgreementByArm } from '../../core/review/unsureFirst';

export class ReviewState {
  readonly app: AppState;
  readonly judge: ReviewJudgeState;
  readonly queue: ReviewQueueState;
  readonly agreement: ReviewAgreementState;
  #runs = $state.raw<RunRecord[]>([]);
  #runId = $state<string | null>(null);
  #records = $state.raw<ResponseRecord[]>([]);
  #items = $state.raw<ReadonlyMap<string, Item>>(EMPTY_ITEMS);
  #labels = $state.raw<StoredLabel[]>([]);
  #problem = $state<string | null>(null);
  #isLoading = $state(false);
  readonly #grading: GradingState;
  #loadTicket = 0;

  run: RunRecord | null = $derived(this.#runs.find((r) => r.id === this.#runId) ?? null);
  gradeCounts: GradeCount[] = $derived(countGrades(this.#records));
  /** This run's labels in the grading core's form (keys like `recordKey`). */
  runLabels = $derived(this.#runId === null ? [] : labelsOfRun(this.#labels, this.#runId));
  /** Rule-vs-judge and rule-vs-human agreement per arm, under the chosen convention. */
  armAgreement: ArmAgreement[] = $derived(ruleAgreementByArm(this.#records, this.convention));
  /** Answers the rule graders were unsure of, in all and per arm. */
  unsure = $derived(countUnsure(this.#records));

  constructor(app: AppState) {
    this.app = app;
    this.#grading = getGradingState(app);
    this.judge = new ReviewJudgeState(this);
    this.queue = new ReviewQueueState(this);
    this.agreement = new ReviewAgreementState(this);
  }

  get runs(): RunRecord[] {
    return this.#runs;
  }
  get runId(): string | null {
    return this.#runId;
  }
  get records(): ResponseRecord[] {
    return this.#records;
  }
  /** A problem with the open run (e.g. a deleted question set), in words. */
  get problem(): string | null {
    return this.#problem;
  }
  get isLoading(): boolean {
    return this.#isLoading;
  }
  get convention(): GradingConvention {
    return this.#grading.convention;
  }

  /** Judges and compares under this convention from now on, in every view (app-wide switch). */
  setConvention(convention: GradingConvention): Promise<void> {
    return this.#grading.setConvention(convention);
  }

  itemOf(itemId: string): Item | undefined {
    return this.#items.get(itemId);
  }

  /** Re-reads the run list (runs may have been made in another view) and opens one. */
  async init(): Promise<void> {
    await this.queue.init();
    await this.#grading.init();
    const runs = await this.app.storage.attempt((repos) => repos.runs.listRuns());
    if (!runs) return;
    this.#runs = runs;
    const keep = runs.some((r) => r.id === this.#runId) ? this.#runId : (runs[0]?.id ?? null);
    if (keep !== null) await this.select(keep);
  }

  /** Opens a run: its answers, items and labels. */
  async select(runId: string): Promise<void> {
    if (this.judge.isRunning) return;
    const ticket = ++this.#loadTicket;
    const isSwitch = runId !== this.#runId;
    this.#runId = runId;
    this.#isLoading = true;
    const run = this.#runs.find((r) => r.id === runId);
    const loaded = await this.app.storage.attempt((repos) => loadRun(repos, runId, run));
    if (ticket !== this.#loadTicket) return;
    this.#isLoading = false;
    if (!loaded) return;
    this.#records = loaded.records;
    this.#items = loaded.items;
    this.#labels = loaded.labels;
    this.#problem =
      loaded.missingSources.length === 0
        ? null
        : `This run's question set(s) ${loaded.missingSources.join(', ')} are no longer stored: ` +
          'their correct and wrong answers cannot be shown and the judge cannot check them.';
    if (isSwitch) {
      this.queue.resetSession();
      this.judge.resetSummary();
    }
  }

  /** Puts a record storage has just returned in place of its old copy. */
  replaceRecord(updated: ResponseRecord): void {
    this.#records = this.#records.map((r) =>
      r.runId === updated.runId && r.planIndex === updated.planIndex ? updated : r,
    );
  }

  /** Adds or replaces (same key) a label storage has just saved. */
  putLabel(label: StoredLabel): void {
    this.#labels = [...this.#labels.filter((l) => l.key !== label.key), label];
  }
}
