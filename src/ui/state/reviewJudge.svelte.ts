/**
 * The judge pass of the Review view: the loaded model, or a saved OpenAI-compatible endpoint,
 * grades every answer of the open run under the view's grading convention.
 *
 * Owns: the choice of judge (`local` or an endpoint name) and starting, stopping and reporting one
 * pass of `runJudgePass`. Invariants: answers the rule graders were unsure of are judged first;
 * each verdict is stored (`runs.addGrade`) before the next request starts, so a reload or a stop
 * loses at most the answer being judged; answers already carrying this judge's grade under this
 * convention are skipped, so starting again resumes; at most one pass runs at a time.
 */
import type { JudgePassSummary } from '../../core/grading';
import { recordKey, runJudgePass } from '../../core/grading';
import type { Generator, ResponseRecord } from '../../core/types';
import { estimateJudgeEtaMs, gradedKeys, judgeGraderId } from '../../core/review/reviewLogic';
import { gradesUnder, orderUnsureFirst } from '../../core/review/unsureFirst';
import { getModelsState } from './models.svelte';
import { endpointModelId } from '../../engine/endpoints';
import type { ReviewState } from './review.svelte';

/** The judge choice meaning "the model loaded in this browser". */
export const LOCAL_JUDGE = 'local';

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
  #source = $state<string>(LOCAL_JUDGE);
  #controller: AbortController | null = null;

  etaMs: number | null = $derived(
    estimateJudgeEtaMs({
      elapsedMs: this.#elapsedMs,
      judgedNow: this.#judgedNow,
      remaining: this.#total - this.#done,
    }),
  );
  /** Saved OpenAI-compatible endpoints that can judge. */
  endpointNames: string[] = $derived.by(() =>
    getModelsState(this.#review.app).endpoints.endpoints.map((e) => e.name),
  );
  /** The model id the next pass would judge with, or null when there is none. */
  judgeModelId: string | null = $derived.by(() => {
    if (this.#source !== LOCAL_JUDGE) {
      return this.endpointNames.includes(this.#source) ? endpointModelId(this.#source) : null;
    }
    return this.#review.app.engine.loadedModelId;
  });
  /** The grader id of the next pass, or null with no judge available. */
  judgeId: string | null = $derived(
    this.judgeModelId === null ? null : judgeGraderId(this.judgeModelId),
  );
  /** How many answers of the open run this judge has already graded under this convention. */
  judgedCount: number = $derived.by(() =>
    this.judgeId === null ? 0 : this.#judgedKeys(this.judgeId).size,
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
  get source(): string {
    return this.#source;
  }

  /** Chooses the judge: `LOCAL_JUDGE` or a saved endpoint's name. */
  setSource(source: string): void {
    if (!this.#isRunning) this.#source = source;
  }

  resetSummary(): void {
    this.#summary = null;
    this.#unparseable = [];
    this.#error = null;
  }

  /** Judges every answer of the open run not yet judged by this judge, unsure ones first. */
  async start(): Promise<void> {
    const { app, records, convention } = this.#review;
    const modelId = this.judgeModelId;
    if (this.#isRunning || modelId === null || records.length === 0) return;
    this.#begin(records.length);
    const controller = new AbortController();
    this.#controller = controller;
    const judged = this.#judgedKeys(judgeGraderId(modelId));
    const startedAt = performance.now();
    try {
      const generator = await this.#generator();
      if (!generator) return;
      this.#summary = await runJudgePass(
        orderUnsureFirst(records),
        generator,
        { isJudged: (key) => judged.has(key), save: (key, grade) => this.#save(key, grade) },
        {
          judgeModelId: modelId,
          convention,
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

  #judgedKeys(graderId: string): Set<string> {
    return gradedKeys(gradesUnder(this.#review.records, this.#review.convention), graderId);
  }

  /** The loaded engine, or the chosen endpoint once it answers (null with the reason shown). */
  async #generator(): Promise<Generator | null> {
    if (this.#source === LOCAL_JUDGE) return this.#review.app.engine.engine;
    const models = getModelsState(this.#review.app);
    const endpoint = models.endpoints.endpoints.find((e) => e.name === this.#source);
    const engine = models.endpoints.getEngine(this.#source);
    if (!endpoint || !engine) return null;
    try {
      await engine.load(endpoint.model);
      return engine;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.#error = `The endpoint "${endpoint.name}" could not judge: ${message}`;
      return null;
    }
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
