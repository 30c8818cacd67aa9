/**
 * The experiment runner: plan in, persisted graded answers out, on any engine.
 *
 * Owns: the run loop — skip what is already stored, generate in schedule order, grade, persist
 * each result as soon as it exists, report progress, stop cleanly. Invariants: a result is saved
 * before the next generation starts, so a crash loses at most the answer in flight; entries are
 * identified by plan index, so rerunning after a crash continues from the first missing entry
 * with no duplicates and no gaps; an abort never saves a partial answer; the runner never
 * rejects — every ending is a `RunOutcome` with a status and, unless done, a reason.
 */
import type { Arm, ChatMessage, GenerateResult, Generator, Grade, ResponseRecord } from '../types';
import type { RunStatus } from '../records';
import { toDefaultMessages, toFastModeMessages, toFastModeSettings } from './messages';
import type { PlanEntry } from './plan';
import type { ProgressState, ProgressSummary } from './progress';
import { createProgress, recordProgress, summarizeProgress } from './progress';
import type { RetryPolicy, Sleep } from './retry';
import {
  DEFAULT_RETRY,
  ModelSlot,
  RetryExhaustedError,
  describeError,
  generateWithRetry,
  sleepWithTimer,
} from './retry';
import { scheduleEntries } from './schedule';

/** Pass to `AbortController.abort(CANCEL_REASON)` to cancel; any other abort pauses. */
export const CANCEL_REASON = 'cancel';

export interface RunStore {
  getCompletedIndices(): Promise<Set<number>>;
  saveResult(record: ResponseRecord): Promise<void>;
}

export interface RunExperimentOptions {
  runId: string;
  plan: readonly PlanEntry[];
  arms: readonly Arm[];
  store: RunStore;
  loadModel(modelId: string): Promise<Generator>;
  grade(entry: PlanEntry, output: string): Grade[];
  toMessages?(entry: PlanEntry, arm: Arm): ChatMessage[];
  isFastMode?: boolean;
  signal?: AbortSignal;
  onProgress?(summary: ProgressSummary): void;
  onResult?(record: ResponseRecord): void;
  onToken?(entry: PlanEntry, delta: string): void;
  /** Retry notices, e.g. "GPU device lost: reloading the model (attempt 2)". */
  onNotice?(message: string): void;
  retry?: RetryPolicy;
  sleep?: Sleep;
  /** Clock in ms (injected in tests). */
  now?(): number;
}

export interface RunOutcome {
  status: Extract<RunStatus, 'done' | 'paused' | 'cancelled' | 'failed'>;
  reason?: string;
  /** Entries stored when the run ended (including earlier sessions). */
  completed: number;
  total: number;
}

/** Result of one entry inside the loop: keep going, or end with this status and reason. */
type Stop = { kind: 'stop'; status: RunOutcome['status']; reason: string };
type Step = { kind: 'saved'; record: ResponseRecord } | Stop;

function stopForAbort(signal: AbortSignal | undefined): Stop {
  if (signal?.reason === CANCEL_REASON) {
    return { kind: 'stop', status: 'cancelled', reason: 'Cancelled by the user.' };
  }
  return { kind: 'stop', status: 'paused', reason: 'Paused by the user.' };
}

function toRecord(
  runId: string,
  entry: PlanEntry,
  arm: Arm,
  result: GenerateResult,
  grades: Grade[],
  createdAt: string,
): ResponseRecord {
  const record: ResponseRecord = {
    runId,
    planIndex: entry.index,
    armId: arm.id,
    armRole: arm.role,
    modelId: entry.modelId,
    itemId: entry.itemId,
    family: entry.family,
    condition: entry.condition,
    sample: entry.sample,
    prompt: entry.prompt,
    output: result.text,
    finishReason: result.finishReason,
    grades,
    usage: result.usage,
    elapsedMs: result.elapsedMs,
    createdAt,
  };
  if (arm.settings.seed !== undefined) record.seed = arm.settings.seed;
  return record;
}

interface Loop {
  options: RunExperimentOptions;
  slot: ModelSlot;
  now: () => number;
}

function buildRequest(loop: Loop, entry: PlanEntry, arm: Arm) {
  const { options } = loop;
  const messages = (options.toMessages ?? toDefaultMessages)(entry, arm);
  const isFast = options.isFastMode === true;
  return {
    modelId: entry.modelId,
    messages: isFast ? toFastModeMessages(messages) : messages,
    settings: isFast ? toFastModeSettings(arm.settings) : { ...arm.settings },
    onToken: (delta: string) => options.onToken?.(entry, delta),
    onRetry: (attempt: number, error: unknown, isReloading: boolean) =>
      options.onNotice?.(
        isReloading
          ? `GPU device lost on entry #${entry.index}: reloading the model (attempt ${attempt + 1}).`
          : `Entry #${entry.index} failed (${describeError(error)}): retrying (attempt ${attempt + 1}).`,
      ),
  };
}

async function runEntry(loop: Loop, entry: PlanEntry, arm: Arm): Promise<Step> {
  const { options } = loop;
  let result;
  try {
    const policy = options.retry ?? DEFAULT_RETRY;
    const request = buildRequest(loop, entry, arm);
    result = await generateWithRetry(
      loop.slot,
      request,
      policy,
      options.sleep ?? sleepWithTimer,
      options.signal,
    );
  } catch (error) {
    const attempts =
      error instanceof RetryExhaustedError ? ` after ${error.attempts} attempts` : '';
    const reason = `Entry #${entry.index} (item ${entry.itemId}, arm ${arm.label}) failed${attempts}: ${describeError(error)}`;
    return { kind: 'stop', status: 'paused', reason };
  }
  if (result === null) return stopForAbort(options.signal);
  let grades: Grade[];
  try {
    grades = options.grade(entry, result.text);
  } catch (error) {
    const reason = `Grading entry #${entry.index} failed: ${describeError(error)}`;
    return { kind: 'stop', status: 'failed', reason };
  }
  const createdAt = new Date(loop.now()).toISOString();
  const record = toRecord(options.runId, entry, arm, result, grades, createdAt);
  try {
    await options.store.saveResult(record);
  } catch (error) {
    const reason = `Could not save the answer to entry #${entry.index}: ${describeError(error)}`;
    return { kind: 'stop', status: 'paused', reason };
  }
  options.onResult?.(record);
  return { kind: 'saved', record };
}

async function readCompleted(store: RunStore): Promise<Set<number> | Stop> {
  try {
    return await store.getCompletedIndices();
  } catch (error) {
    return {
      kind: 'stop',
      status: 'failed',
      reason: `Could not read saved results: ${describeError(error)}`,
    };
  }
}

/**
 * Runs (or resumes) an experiment until every plan entry has a stored result, the signal
 * aborts (paused, or cancelled with `CANCEL_REASON`), or an entry keeps failing (paused with
 * the reason). Never rejects.
 */
export async function runExperiment(options: RunExperimentOptions): Promise<RunOutcome> {
  const now = options.now ?? Date.now;
  const total = options.plan.length;
  const completed = await readCompleted(options.store);
  if (!(completed instanceof Set))
    return { status: completed.status, reason: completed.reason, completed: 0, total };
  const loop: Loop = { options, slot: new ModelSlot(options.loadModel), now };
  const armsById = new Map(options.arms.map((arm) => [arm.id, arm]));
  let progress: ProgressState = createProgress(options.plan, completed, now());
  options.onProgress?.(summarizeProgress(progress, now()));
  const end = (stop: Stop): RunOutcome => ({
    status: stop.status,
    reason: stop.reason,
    completed: progress.done,
    total,
  });
  for (const entry of scheduleEntries(options.plan)) {
    if (completed.has(entry.index)) continue;
    if (options.signal?.aborted === true) return end(stopForAbort(options.signal));
    const arm = armsById.get(entry.armId);
    if (arm === undefined) {
      const reason = `Entry #${entry.index} uses arm '${entry.armId}', which the design does not have.`;
      return end({ kind: 'stop', status: 'failed', reason });
    }
    const step = await runEntry(loop, entry, arm);
    if (step.kind === 'stop') return end(step);
    const { usage, elapsedMs } = step.record;
    progress = recordProgress(
      progress,
      { armId: arm.id, elapsedMs, completionTokens: usage.completionTokens },
      now(),
    );
    options.onProgress?.(summarizeProgress(progress, now()));
  }
  return { status: 'done', completed: progress.done, total };
}
