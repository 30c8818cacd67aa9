/**
 * What the Experiments view remembers across reloads: the design being edited, the run on show
 * and the measured speed of each model.
 *
 * Owns: the three settings keys below and the debounced design write. Invariants: storage
 * failures never break the builder (they are reported through `StorageState`); the design is
 * written at most every DESIGN_SAVE_DELAY_MS while the user types, and always the latest one;
 * a stored design that no longer parses is ignored (the preset stays) rather than shown broken.
 */
import type { ExperimentDesign } from '../../core/experiment/design';
import { hasDesignShape } from '../../core/experiment/design';
import type { MeasuredSpeed, SpeedBook } from '../../core/experiment/speeds';
import { measureSpeeds, recordSpeeds, speedKey } from '../../core/experiment/speeds';
import { nowIso } from '../../core/ids';
import type { ResponseRecord } from '../../core/types';
import type { StorageState } from './storage.svelte';

export const LAST_DESIGN_KEY = 'experiments.lastDesign';
export const OPEN_RUN_KEY = 'experiments.openRunId';
export const SPEEDS_KEY = 'experiments.speeds';
const DESIGN_SAVE_DELAY_MS = 300;

export class SessionState {
  #speeds = $state.raw<SpeedBook>({});
  #timer: ReturnType<typeof setTimeout> | null = null;
  #pending: ExperimentDesign | null = null;
  readonly #storage: StorageState;

  constructor(storage: StorageState) {
    this.#storage = storage;
  }

  get speeds(): SpeedBook {
    return this.#speeds;
  }

  /** The measured speed of a model in a mode, if any. */
  speedFor(modelId: string | null, isFastMode: boolean): MeasuredSpeed | undefined {
    return modelId === null ? undefined : this.#speeds[speedKey(modelId, isFastMode)];
  }

  /** Reads what the last page left: its design and open run (speeds are kept here). */
  async restore(): Promise<{ design: ExperimentDesign | null; openRunId: string | null }> {
    const stored = await this.#storage.attempt(async (repos) => ({
      design: await repos.settings.get<unknown>(LAST_DESIGN_KEY, null),
      openRunId: await repos.settings.get<unknown>(OPEN_RUN_KEY, null),
      speeds: await repos.settings.get<unknown>(SPEEDS_KEY, {}),
    }));
    if (stored === undefined) return { design: null, openRunId: null };
    if (stored.speeds !== null && typeof stored.speeds === 'object') {
      this.#speeds = stored.speeds as SpeedBook;
    }
    return {
      design: hasDesignShape(stored.design) ? stored.design : null,
      openRunId: typeof stored.openRunId === 'string' ? stored.openRunId : null,
    };
  }

  /** Remembers the design being edited (debounced; the last call wins). */
  saveDesign(design: ExperimentDesign): void {
    this.#pending = design;
    if (this.#timer !== null) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      const latest = this.#pending;
      this.#pending = null;
      if (latest !== null)
        void this.#storage.attempt((r) => r.settings.set(LAST_DESIGN_KEY, latest));
    }, DESIGN_SAVE_DELAY_MS);
  }

  /** Remembers which run's dashboard is shown (null: none). */
  async setOpenRun(runId: string | null): Promise<void> {
    await this.#storage.attempt((r) =>
      runId === null ? r.settings.delete(OPEN_RUN_KEY) : r.settings.set(OPEN_RUN_KEY, runId),
    );
  }

  /** Measures each model's speed from a run's answers and keeps it for later estimates. */
  async recordRun(records: readonly ResponseRecord[], isFastMode: boolean): Promise<void> {
    const measured = measureSpeeds(records, isFastMode, nowIso());
    if (measured.size === 0) return;
    this.#speeds = recordSpeeds(this.#speeds, measured);
    const book = this.#speeds;
    await this.#storage.attempt((r) => r.settings.set(SPEEDS_KEY, book));
  }
}
