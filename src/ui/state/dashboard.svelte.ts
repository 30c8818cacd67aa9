/**
 * State of the live results dashboard.
 *
 * Owns: the grading mode, the throttled snapshot of records the charts are drawn from, and the
 * mark the user clicked. Invariants: however often the caller offers new records, the snapshot
 * (and so every series and chart) changes at most once per THROTTLE_MS, and the latest offer
 * always lands within THROTTLE_MS; every series is `$derived` from the snapshot through
 * core/dashboard, never stored.
 */
import { computeDashboard } from '../../core/dashboard';
import type { DashboardSeries, Selection } from '../../core/dashboard';
import type { GradingMode } from '../../core/grading';
import type { Arm, ResponseRecord } from '../../core/types';

/** At most ~3 redraws a second while results stream in. */
export const THROTTLE_MS = 333;

interface Snapshot {
  records: readonly ResponseRecord[];
  arms: readonly Arm[];
}

export class DashboardState {
  #mode = $state<GradingMode>('paper');
  #snapshot = $state.raw<Snapshot>({ records: [], arms: [] });
  #selection = $state.raw<Selection | null>(null);
  #pending: Snapshot | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #lastAppliedAt = -Infinity;

  readonly series: DashboardSeries = $derived(
    computeDashboard(this.#snapshot.records, this.#snapshot.arms, this.#mode),
  );

  get mode(): GradingMode {
    return this.#mode;
  }

  get selection(): Selection | null {
    return this.#selection;
  }

  get arms(): readonly Arm[] {
    return this.#snapshot.arms;
  }

  setMode(mode: GradingMode): void {
    this.#mode = mode;
  }

  select(selection: Selection | null): void {
    this.#selection = selection;
  }

  /**
   * Offers the latest records. Applied at once when the last update is older than THROTTLE_MS,
   * otherwise kept (replacing any earlier pending offer) and applied when the interval ends.
   */
  offer(records: readonly ResponseRecord[], arms: readonly Arm[]): void {
    this.#pending = { records, arms };
    if (this.#timer !== null) return;
    const wait = this.#lastAppliedAt + THROTTLE_MS - Date.now();
    if (wait <= 0) this.#flush();
    else this.#timer = setTimeout(() => this.#flush(), wait);
  }

  /** Cancels a pending update (the dashboard was unmounted). */
  dispose(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #flush(): void {
    this.#timer = null;
    if (!this.#pending) return;
    this.#snapshot = this.#pending;
    this.#pending = null;
    this.#lastAppliedAt = Date.now();
  }
}
