/**
 * The judge pass of the Review view: the loaded model grades every answer of the open run.
 *
 * Owns: starting, stopping and reporting one pass of `runJudgePass` with the loaded engine as the
 * judge. Invariants: each verdict is stored (`runs.addGrade`) before the next request starts, so
 * a reload or a stop loses at most the answer being judged; answers already carrying this judge's
 * grade are skipped, so starting again resumes; at most one pass runs at a time.
 */
import type { JudgePassSummary } from '../../core/grading';
import { recordKey, runJudgePass } from '../../core/grading';
import type { ResponseRecord } from '../../core/types';
import type { ReviewState } from './review.svelte';
import { estimateJudgeEtaMs, gradedKeys, judgeGraderId } from '../../core/review/reviewLogic';

/** A verdict the judge gave but that could not be read, with why. */
export interface JudgeProblem {
  key: string;
  /** "Answer #3", as the queue numbers answers. */
  answer: string;
  reason: string;
}

function describeAnswer(key: string, records: readonly ResponseRecord[]): string {
  const record = records.find((r) => recordKey(r) === key);
  return record ? `Answer #${record.planIndex + 1}` : `Answer ${key}`;
}

export class ReviewJudgeState {
  readonly #review: ReviewState;
  #isRunning = $state(false);
  #done = $state(0);
  #total = $state(0);
  #judgedNow = $state(0);
  #elapsedMs = $state(0);
  #summary = $state.raw<JudgePassSummary | null>(null);
  #unparseable = $state.raw<JudgeProblem[]>([]);
  #error = $state<string | null>(null);
  #controller: AbortController | null = null;

  etaMs: number | null = $derived(
    estimateJudgeEtaMs({
      elapsedMs: this.#elapsedMs,
      judgedNow: this.#judgedNow,
      remaining: this.#total - this.#done,
    }),
  );
  /** The judge the next pass would use, or null with no model loaded. */
  judgeId: string | null = $derived.by(() => {
    const modelId = this.#review.app.engine.loadedModelId;
    return modelId === null ? null : judgeGraderId(modelId);
  });
  /** How many answers of the open run this judge has already graded. */
  judgedCount: number = $derived.by(() =>
    this.judgeId === null ? 0 : gradedKeys(this.#review.records, this.judgeId).size,
  );

  /** Answers the last pass could not judge (e.g. an item no longer stored), with why. */
  failures: JudgeProblem[] = $derived.by(() =>
    (this.#summary?.failed ?? []).map(({ key, reason }) => ({
      key,
      answer: describeAnswer(key, this.#review.records),
      reason,
    })),
  );

  constructor(review: ReviewState) {
    this.#review = review;
  }

  get isRunning(): boolean {
    return this.#isRunning;
  }
  get done(): number {
    return this.#done;
  }
  get total(): number {
    return this.#total;
  }
  get summary(): JudgePassSummary | null {
    return this.#summary;
  }
  get unparseable(): JudgeProblem[] {
    return this.#unparseable;
  }
  get error(): string | null {
    return this.#error;
  }

  resetSummary(): void {
    this.#summary = null;
    this.#unparseable = [];
    this.#error = null;
  }

  /** Judges every answer of the open run not yet judged by the loaded model. */
  async start(): Promise<void> {
    const { app, records } = this.#review;
    const generator = app.engine.engine;
    const modelId = app.engine.loadedModelId;
    if (this.#isRunning || !generator || modelId === null || records.length === 0) return;
    this.#begin(records.length);
    const controller = new AbortController();
    this.#controller = controller;
    const judged = gradedKeys(records, judgeGraderId(modelId));
    const startedAt = performance.now();
    try {
      this.#summary = await runJudgePass(
        records,
        generator,
        { isJudged: (key) => judged.has(key), save: (key, grade) => this.#save(key, grade) },
        {
          judgeModelId: modelId,
          getItem: (id) => this.#review.itemOf(id),
          signal: controller.signal,
          onProgress: ({ done }) => {
            this.#done = done;
            this.#elapsedMs = performance.now() - startedAt;
          },
        },
      );
    } catch (error) {
      this.#error = `The judge pass stopped: ${error instanceof Error ? error.message : String(error)}`;
      app.storage.report(error);
    } finally {
      this.#isRunning = false;
      this.#controller = null;
    }
  }

  /** Stops after the current request; verdicts already stored stay. */
  stop(): void {
    this.#controller?.abort();
  }

  #begin(total: number): void {
    this.#isRunning = true;
    this.#done = 0;
    this.#total = total;
    this.#judgedNow = 0;
    this.#elapsedMs = 0;
    this.resetSummary();
  }

  async #save(key: string, grade: ResponseRecord['grades'][number]): Promise<void> {
    const record = this.#review.records.find((r) => recordKey(r) === key);
    if (!record) throw new Error(`answer ${key} is no longer loaded`);
    const repos = await this.#review.app.storage.repos();
    const updated = await repos.runs.addGrade(record.runId, record.planIndex, grade);
    this.#review.replaceRecord(updated);
    this.#judgedNow++;
    if (grade.outcome === 'unparseable') {
      this.#unparseable = [
        ...this.#unparseable,
        { key, answer: describeAnswer(key, this.#review.records), reason: grade.reason },
      ];
    }
  }
}
