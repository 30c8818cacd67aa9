/**
 * State of the live results dashboard.
 *
 * Owns: the grading mode, the throttled snapshot of records the charts are drawn from, the
 * mark the user clicked, and the warmth GLM fitted in a Web Worker. Invariants: however often
 * the caller offers new records, the snapshot (and so every series and chart) changes at most
 * once per THROTTLE_MS, and the latest offer always lands within THROTTLE_MS; every series is
 * `$derived` from the snapshot through core/dashboard, never stored; the GLM is refitted at
 * most once per GLM_INTERVAL_MS, only when its input changed, and never more than one at once.
 * Grades: every series counts the grade each answer has under the app-wide convention (read
 * through the getter given to the constructor), regrading on the fly where none fits
 * (core/grading `recordsUnder`), so the dashboard, Results and exports agree.
 * Mounting: the dashboard's parts (panels, tables) are shown one per task after it mounts
 * (`reveal`), since mounting all of them at once is a single ~60-90 ms task.
 */
import type {
  ArmStyleRow,
  DashboardSeries,
  GlmRequest,
  GlmResponse,
  PaperComparisonRow,
  PairView,
  Selection,
  WarmthGlm,
} from '../../core/dashboard';
import {
  WarmthCache,
  armStyle,
  compareWithPaper,
  computeDashboard,
  pairsFor,
  toGlmRows,
  viewPairs,
} from '../../core/dashboard';
import { summariseDashboard } from '../../core/dashboard/summary';
import type { GradingMode } from '../../core/grading';
import { recordsUnder } from '../../core/grading/gradeUnder';
import type { ResultsSummary } from '../../core/stats/summary';
import type { Arm, GradingConvention, Item, ResponseRecord } from '../../core/types';

/** How many answer pairs the drill-down panel shows at first, and adds per "show more". */
export const PAIRS_PAGE = 20;
/** At most ~3 redraws a second while results stream in. */
export const THROTTLE_MS = 333;
/** The GLM is refitted at most this often, on the latest input when the interval ends. */
export const GLM_INTERVAL_MS = 1500;

interface Snapshot {
  records: readonly ResponseRecord[];
  arms: readonly Arm[];
  items: readonly Item[];
}

export type GlmStatus =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'done'; result: WarmthGlm }
  | { state: 'error'; message: string };

export class DashboardState {
  #mode = $state<GradingMode>('paper');
  #snapshot = $state.raw<Snapshot>({ records: [], arms: [], items: [] });
  #selection = $state.raw<Selection | null>(null);
  #glm = $state.raw<GlmStatus>({ state: 'idle' });
  #shownPairs = $state(PAIRS_PAGE);
  #pending: Snapshot | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #lastAppliedAt = -Infinity;
  #revealed = $state(0);
  #revealTimer: ReturnType<typeof setTimeout> | null = null;
  readonly #warmth = new WarmthCache();
  readonly #glmRunner = new GlmRunner((status) => (this.#glm = status));
  readonly #conventionOf: () => GradingConvention;
  /** The snapshot's records with the grades that count under the chosen convention. */
  readonly #graded: ResponseRecord[] = $derived(
    recordsUnder(this.#snapshot.records, this.#snapshot.items, this.convention),
  );

  readonly series: DashboardSeries = $derived(
    computeDashboard(this.#graded, this.#snapshot.arms, this.#mode),
  );
  readonly style: ArmStyleRow[] = $derived(
    armStyle(this.#graded, this.#snapshot.arms, (r) => this.#warmth.scoreOf(r)),
  );
  readonly paper: PaperComparisonRow[] = $derived(compareWithPaper(this.series.pairs));
  /** Headline, grading band, flip rates and paper comparison: the same core as Results. */
  readonly summary: ResultsSummary = $derived(
    summariseDashboard(this.series.pairs, this.#graded, this.#snapshot.items, this.series.armPair),
  );
  readonly picked: PairView[] = $derived(
    this.#selection
      ? viewPairs(pairsFor(this.series.pairs, this.#selection), this.#snapshot.items)
      : [],
  );

  /** `conventionOf` reads the app-wide grading convention (default: always `correct`). */
  constructor(conventionOf: () => GradingConvention = () => 'correct') {
    this.#conventionOf = conventionOf;
  }

  get convention(): GradingConvention {
    return this.#conventionOf();
  }

  get mode(): GradingMode {
    return this.#mode;
  }

  get selection(): Selection | null {
    return this.#selection;
  }

  get glm(): GlmStatus {
    return this.#glm;
  }

  setMode(mode: GradingMode): void {
    this.#mode = mode;
    this.#glmRunner.schedule(() => this.#glmRows());
  }

  /** How many of the picked pairs are listed (grows with `showMorePairs`). */
  get shownPairs(): number {
    return this.#shownPairs;
  }

  select(selection: Selection | null): void {
    this.#selection = selection;
    this.#shownPairs = PAIRS_PAGE;
  }

  showMorePairs(): void {
    this.#shownPairs += PAIRS_PAGE;
  }

  /**
   * Offers the latest inputs. Applied at once when the last update is older than THROTTLE_MS,
   * otherwise kept (replacing any earlier pending offer) and applied when the interval ends.
   */
  offer(records: readonly ResponseRecord[], arms: readonly Arm[], items: readonly Item[]): void {
    this.#pending = { records, arms, items };
    if (this.#timer !== null) return;
    const wait = this.#lastAppliedAt + THROTTLE_MS - Date.now();
    if (wait <= 0) this.#flush();
    else this.#timer = setTimeout(() => this.#flush(), wait);
  }

  /** Whether the dashboard part numbered `part` (0-based, in page order) is shown yet. */
  isShown(part: number): boolean {
    return part < this.#revealed;
  }

  /** Shows the first part now and each further one in its own task, up to `parts` in all. */
  reveal(parts: number): void {
    if (this.#revealTimer !== null) return;
    const step = () => {
      this.#revealTimer = null;
      this.#revealed += 1;
      if (this.#revealed < parts) this.#revealTimer = setTimeout(step, 0);
    };
    if (this.#revealed < parts) step();
  }

  /** Refits the GLM after the grading convention changed (unchanged input is skipped). */
  refit(): void {
    this.#glmRunner.schedule(() => this.#glmRows());
  }

  /** Cancels pending work (the dashboard was unmounted); the next offer starts again. */
  dispose(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#revealTimer !== null) clearTimeout(this.#revealTimer);
    this.#revealTimer = null;
    this.#revealed = 0;
    this.#glmRunner.dispose();
  }

  #flush(): void {
    this.#timer = null;
    if (!this.#pending) return;
    this.#snapshot = this.#pending;
    this.#pending = null;
    this.#lastAppliedAt = Date.now();
    this.#glmRunner.schedule(() => this.#glmRows());
  }

  #glmRows(): GlmRequest['rows'] {
    const armPair = this.series.armPair;
    return armPair ? toGlmRows(this.#graded, armPair, this.#mode) : [];
  }
}

/** Rate-limited GLM fits in src/workers/stats.worker.ts, one at a time, skipping unchanged input. */
class GlmRunner {
  #worker: Worker | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #nextId = 1;
  #runningId = 0;
  #lastKey = '';
  #isRerunWanted = false;
  #rowsOf: (() => GlmRequest['rows']) | null = null;

  constructor(private readonly report: (status: GlmStatus) => void) {}

  schedule(rowsOf: () => GlmRequest['rows']): void {
    this.#rowsOf = rowsOf;
    // Not a debounce: during a live run offers never pause, so a reset timer would never fire.
    if (this.#timer !== null) return;
    this.#timer = setTimeout(() => this.#run(), GLM_INTERVAL_MS);
  }

  dispose(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#worker?.terminate();
    this.#worker = null;
    this.#runningId = 0;
  }

  #run(): void {
    this.#timer = null;
    if (this.#runningId !== 0) {
      this.#isRerunWanted = true;
      return;
    }
    const rows = this.#rowsOf?.() ?? [];
    const errors = rows.reduce((sum, row) => sum + (row.isCorrect ? 0 : 1), 0);
    const key = `${rows.length}:${errors}:${rows.filter((r) => r.isWarm).length}`;
    if (key === this.#lastKey) return;
    this.#lastKey = key;
    try {
      this.#worker ??= this.#createWorker();
    } catch (error) {
      this.report({
        state: 'error',
        message: `The statistics worker could not start: ${String(error)}`,
      });
      return;
    }
    this.#runningId = this.#nextId++;
    this.report({ state: 'running' });
    const request: GlmRequest = { type: 'glm', id: this.#runningId, rows };
    this.#worker.postMessage(request);
  }

  #createWorker(): Worker {
    const worker = new Worker(new URL('../../workers/stats.worker.ts', import.meta.url), {
      type: 'module',
    });
    worker.onmessage = (event: MessageEvent<GlmResponse>) => this.#receive(event.data);
    worker.onerror = (event) => {
      this.#runningId = 0;
      this.#lastKey = '';
      this.report({ state: 'error', message: `The statistics worker failed: ${event.message}` });
    };
    return worker;
  }

  #receive(response: GlmResponse): void {
    if (response.id !== this.#runningId) return;
    this.#runningId = 0;
    if (response.type === 'glm-result') this.report({ state: 'done', result: response.result });
    else
      this.report({ state: 'error', message: `${response.error.name}: ${response.error.message}` });
    if (this.#isRerunWanted) {
      this.#isRerunWanted = false;
      this.#run();
    }
  }
}
