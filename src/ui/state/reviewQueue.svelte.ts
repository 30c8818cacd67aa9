/**
 * The human labelling queue: one answer at a time, labelled with c / i / r or skipped with s.
 *
 * Owns: the labeller's name (kept in settings on this device), blind mode, this session's skips,
 * an answer opened on purpose (to relabel it, e.g. from the disagreements list) and the message
 * announced after each save. Invariants: the offered answer comes from core `nextToReview` over
 * the open run minus skips, so answers the rule graders were unsure of come first, then plan
 * order, and reloads resume where the labeller stopped; a label is written to the labels store
 * AND appended to the answer as a `human:<name>` grade; blind mode is on by default, and then the
 * answer shown carries neither its arm nor any grade.
 */
import { nowIso } from '../../core/ids';
import { recordKey } from '../../core/grading';
import type { HumanLabel as StoredLabel } from '../../core/records';
import type { Outcome } from '../../core/types';
import type { ReviewState } from './review.svelte';
import { actionForKey, countLabelled, storedLabelKey } from '../../core/review/reviewLogic';
import type { ReviewEntry } from '../../core/review/unsureFirst';
import { isUnsure, nextToReview } from '../../core/review/unsureFirst';

const LABELLER_SETTING = 'review.labeller';

export class ReviewQueueState {
  readonly #review: ReviewState;
  #labeller = $state('');
  // Labellers should not anchor on the arm or the rule verdict (issue 15).
  #isBlind = $state(true);
  #skipped = $state.raw<readonly string[]>([]);
  #openedKey = $state<string | null>(null);
  #announcement = $state('');
  #focusRequests = $state(0);
  #isSaving = $state(false);

  /** The answer to label now, or null when none is left (skipped ones aside). */
  current: ReviewEntry | null = $derived.by(() => this.#pickCurrent());
  labelledCount: number = $derived.by(() =>
    countLabelled(this.#review.records, this.#review.runLabels, this.#labeller.trim()),
  );
  /** Whether the current answer was opened on purpose (so it may already carry a label). */
  isOpenedOnPurpose: boolean = $derived(this.#openedKey !== null && this.current !== null);

  constructor(review: ReviewState) {
    this.#review = review;
  }

  get labeller(): string {
    return this.#labeller;
  }
  get isBlind(): boolean {
    return this.#isBlind;
  }
  get skippedCount(): number {
    return this.#skipped.length;
  }
  get announcement(): string {
    return this.#announcement;
  }
  /** Grows each time the queue should take keyboard focus (read by the queue component). */
  get focusRequests(): number {
    return this.#focusRequests;
  }
  get canLabel(): boolean {
    return this.#labeller.trim() !== '' && this.current !== null && !this.#isSaving;
  }

  /** Reads the saved labeller name. */
  async init(): Promise<void> {
    const name = await this.#review.app.storage.attempt((repos) =>
      repos.settings.get<string>(LABELLER_SETTING, ''),
    );
    if (typeof name === 'string' && this.#labeller === '') this.#labeller = name;
  }

  setLabeller(name: string): void {
    this.#labeller = name;
  }

  /** Keeps the (trimmed) labeller name on this device. */
  async saveLabeller(): Promise<void> {
    const name = this.#labeller.trim();
    await this.#review.app.storage.attempt((repos) => repos.settings.set(LABELLER_SETTING, name));
  }

  setBlind(isBlind: boolean): void {
    this.#isBlind = isBlind;
  }

  /** Forgets this session's skips and any answer opened on purpose (e.g. on a new run). */
  resetSession(): void {
    this.#skipped = [];
    this.#openedKey = null;
    this.#announcement = '';
  }

  /** Offers skipped answers again. */
  revisitSkipped(): void {
    this.#skipped = [];
    this.#focusRequests++;
  }

  /** Asks the queue component to take keyboard focus (e.g. after the name is entered). */
  requestFocus(): void {
    this.#focusRequests++;
  }

  /** Shows this answer next (to label it again), and moves focus to the queue. */
  open(key: string): void {
    this.#openedKey = key;
    this.#focusRequests++;
  }

  /**
   * Opens answer number `answer` (1-based, as shown) to label it again; returns a problem in
   * words when there is no such answer, otherwise null.
   */
  openAnswer(answer: number): string | null {
    const record = this.#review.records.find((r) => r.planIndex + 1 === answer);
    if (!record) {
      const total = this.#review.records.length;
      return `There is no answer #${answer}: this run's answers are numbered 1 to ${total}.`;
    }
    this.open(recordKey(record));
    return null;
  }

  /** Handles a queue key; returns whether the key meant something. */
  handleKey(key: string): boolean {
    const action = actionForKey(key);
    if (action === null) return false;
    if (action === 'skip') this.skip();
    else void this.label(action);
    return true;
  }

  skip(): void {
    const entry = this.current;
    if (!entry) return;
    this.#skipped = [...this.#skipped, entry.key];
    this.#openedKey = null;
    this.#announcement = `Skipped answer #${entry.record.planIndex + 1}.`;
  }

  /** Stores the label and its `human:<name>` grade, then moves to the next answer. */
  async label(outcome: Exclude<Outcome, 'unparseable'>): Promise<void> {
    const entry = this.current;
    const labeller = this.#labeller.trim();
    if (!entry || labeller === '' || this.#isSaving) return;
    const { runId, planIndex } = entry.record;
    const label: StoredLabel = {
      key: storedLabelKey(runId, planIndex, labeller),
      outcome,
      labeller,
      at: nowIso(),
      isBlind: this.#isBlind,
    };
    this.#isSaving = true;
    const updated = await this.#review.app.storage.attempt((repos) =>
      repos.labels.saveWithGrade(label),
    );
    this.#isSaving = false;
    if (!updated) {
      this.#announcement = `Could not save the label of answer #${planIndex + 1}: see the message above.`;
      return;
    }
    this.#review.putLabel(label);
    this.#review.replaceRecord(updated);
    if (this.#openedKey === entry.key) this.#openedKey = null;
    this.#announcement = `Saved "${outcome}" for answer #${planIndex + 1}.`;
  }

  #pickCurrent(): ReviewEntry | null {
    const records = this.#review.records;
    const opened = this.#openedKey;
    const record = opened === null ? undefined : records.find((r) => recordKey(r) === opened);
    if (record) {
      const shown = this.#isBlind ? { ...record, grades: [] } : record;
      const key = recordKey(record);
      return { key, record: shown, remaining: records.length, isUnsure: isUnsure(record) };
    }
    const open = records.filter((r) => !this.#skipped.includes(recordKey(r)));
    const labeller = this.#labeller.trim();
    return nextToReview(open, this.#review.runLabels, {
      isBlind: this.#isBlind,
      labeller: labeller === '' ? undefined : labeller,
    });
  }
}
