/**
 * The app-wide grading convention: one switch for all four families and every view.
 *
 * Owns: the chosen convention (`correct`, the paper's judge, or `truthful`, TruthfulQA's) and
 * keeping it on this device in settings under `grading.convention`. The dashboard, Results,
 * Review, the Playground and new runs all read it from here, so one answer gets one verdict
 * everywhere. Invariants: one instance per page (`app.grading`, or `getGradingState(app)`); until
 * the stored value is read the convention is `correct`; an unknown stored value is ignored.
 */
import type { GradingConvention } from '../../core/types';
import { GRADING_CONVENTIONS } from '../../core/types';
import type { AppState } from './app.svelte';

export const CONVENTION_SETTING = 'grading.convention';

export class GradingState {
  readonly #app: AppState;
  #convention = $state<GradingConvention>('correct');
  #loading: Promise<void> | null = null;
  #isChosen = false;

  constructor(app: AppState) {
    this.#app = app;
  }

  get convention(): GradingConvention {
    return this.#convention;
  }

  /** Reads the stored choice once (later calls wait for the same read). */
  init(): Promise<void> {
    this.#loading ??= this.#read();
    return this.#loading;
  }

  /** Grades under `convention` from now on, in every view, and keeps it on this device. */
  async setConvention(convention: GradingConvention): Promise<void> {
    this.#isChosen = true;
    this.#convention = convention;
    await this.#app.storage.attempt((repos) => repos.settings.set(CONVENTION_SETTING, convention));
  }

  async #read(): Promise<void> {
    const stored = await this.#app.storage.attempt((repos) =>
      repos.settings.get<string>(CONVENTION_SETTING, 'correct'),
    );
    const known = GRADING_CONVENTIONS.find((c) => c === stored);
    // A choice made while the stored value was being read is newer: keep it.
    if (known && !this.#isChosen) this.#convention = known;
  }
}

/** The page's one GradingState (`app.grading`), its stored value read on first use. */
export function getGradingState(app: AppState): GradingState {
  void app.grading.init();
  return app.grading;
}
