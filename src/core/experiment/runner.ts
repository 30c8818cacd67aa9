/**
 * The experiment runner: plan in, persisted graded answers out, on any engine.
 *
 * Owns: the run loop (skip what is stored, generate in schedule order, grade, persist, report
 * progress, stop cleanly). Invariants: results are written behind the generations by
 * resultWriter.ts (group commits; a crash loses at most ~WRITE_WINDOW_MS of answers);
 * `onResult` and progress follow what is stored; entries are keyed by plan index, so a rerun has
 * no duplicates and no gaps; an abort never saves a partial answer; the runner never rejects.
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
import type { RunStore, Stop } from './resultWriter';
import { ResultWriter } from './resultWriter';
import { deriveRequestSeed } from './requestSeed';
import { scheduleEntries } from './schedule';

/** Pass to `AbortController.abort(CANCEL_REASON)` to cancel; any other abort pauses. */
export const CANCEL_REASON = 'cancel';

export { WRITE_WINDOW_MS, YIELD_AFTER_MS } from './resultWriter';
export type { RunStore } from './resultWriter';

export interface RunExperimentOptions {
  runId: string;
  plan: readonly PlanEntry[];
  arms: readonly Arm[];
  store: RunStore;
  loadModel(modelId: string): Promise<Generator>;
  /**
   * Loads the model again even if the engine reports it loaded (after a GPU device loss web-llm
   * has unloaded it). Without it, `loadModel` is used, which may hand back the dead engine.
   */
  reloadModel?(modelId: string): Promise<Generator>;
  grade(entry: PlanEntry, output: string): Grade[];
  toMessages?(entry: PlanEntry, arm: Arm): ChatMessage[];
  isFastMode?: boolean;
  signal?: AbortSignal;
  onProgress?(summary: ProgressSummary): void;
  onResult?(record: ResponseRecord): void;
  onToken?(entry: PlanEntry, delta: string): void;
  onNotice?(message: string): void; // retry notices ("GPU device lost: reloading…")
  retry?: RetryPolicy;
  sleep?: Sleep;
  /** Clock in ms (injected in tests). */
  now?(): number;
  /** Lets the host's event loop run (default: a 0 ms timer); a fast engine would hog it. */
  yieldToHost?(): Promise<void>;
}

export interface RunOutcome {
  status: Extract<RunStatus, 'done' | 'paused' | 'cancelled' | 'failed'>;
  reason?: string;
  /** Entries stored when the run ended (including earlier sessions). */
  completed: number;
  total: number;
}

/** Result of one entry inside the loop: keep going, or end with this status and reason. */
type Step = { kind: 'generated'; record: ResponseRecord } | Stop;

const stopForAbort = (signal: AbortSignal | undefined): Stop =>
  signal?.reason === CANCEL_REASON
    ? { kind: 'stop', status: 'cancelled', reason: 'Cancelled by the user.' }
    : { kind: 'stop', status: 'paused', reason: 'Paused by the user.' };

/** What a generation returns; `answerProbability` arrives from engines that report it. */
type GeneratedAnswer = GenerateResult & { answerProbability?: number };

function toRecord(
  runId: string,
  entry: PlanEntry,
  arm: Arm,
  result: GeneratedAnswer,
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
  const seed = requestSeed(entry, arm);
  if (seed !== undefined) record.seed = seed;
  const probability = result.answerProbability;
  if (typeof probability === 'number' && probability >= 0 && probability <= 1) {
    record.answerProbability = probability;
  }
  return record;
}

/** The request's own seed, derived from the run seed (see requestSeed.ts); none without one. */
function requestSeed(entry: PlanEntry, arm: Arm): number | undefined {
  const runSeed = arm.settings.seed;
  return runSeed === undefined ? undefined : deriveRequestSeed(runSeed, entry.pairKey);
}

interface Loop {
  options: RunExperimentOptions;
  slot: ModelSlot;
  now: () => number;
  sleep: Sleep;
}

function buildRequest(loop: Loop, entry: PlanEntry, arm: Arm) {
  const { options } = loop;
  const messages = (options.toMessages ?? toDefaultMessages)(entry, arm);
  const isFast = options.isFastMode === true;
  const settings = isFast ? toFastModeSettings(arm.settings) : { ...arm.settings };
  const seed = requestSeed(entry, arm);
  if (seed !== undefined) settings.seed = seed;
  return {
    modelId: entry.modelId,
    messages: isFast ? toFastModeMessages(messages) : messages,
    settings,
    onToken: (delta: string) => options.onToken?.(entry, delta),
    onRetry: (attempt: number, error: unknown, isReloading: boolean) =>
      options.onNotice?.(
        isReloading
          ? `The model was lost on entry #${entry.index} (GPU device lost or unloaded): reloading it (attempt ${attempt + 1}).`
          : `Entry #${entry.index} failed (${describeError(error)}): retrying (attempt ${attempt + 1}).`,
      ),
  };
}

async function runEntry(loop: Loop, entry: PlanEntry, arm: Arm): Promise<Step> {
  const { options } = loop;
  let result;
  try {
    const request = buildRequest(loop, entry, arm);
    const policy = options.retry ?? DEFAULT_RETRY;
    result = await generateWithRetry(loop.slot, request, policy, loop.sleep, options.signal);
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
  return {
    kind: 'generated',
    record: toRecord(options.runId, entry, arm, result, grades, createdAt),
  };
}

function readCompleted(store: RunStore): Promise<Set<number> | Stop> {
  return store.getCompletedIndices().catch((error: unknown) => {
    const reason = `Could not read saved results: ${describeError(error)}`;
    return { kind: 'stop', status: 'failed', reason } satisfies Stop;
  });
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
  const sleep = options.sleep ?? sleepWithTimer;
  const slot = new ModelSlot(options.loadModel, options.reloadModel ?? options.loadModel);
  const loop: Loop = { options, slot, now, sleep };
  let progress: ProgressState = createProgress(options.plan, completed, now());
  options.onProgress?.(summarizeProgress(progress, now()));
  const yieldToHost = options.yieldToHost ?? (() => sleepWithTimer(0));
  const writer = new ResultWriter(options.store, now, yieldToHost, (record) => {
    const { armId, usage, elapsedMs } = record;
    progress = recordProgress(
      progress,
      { armId, elapsedMs, completionTokens: usage.completionTokens },
      now(),
    );
    options.onResult?.(record);
    options.onProgress?.(summarizeProgress(progress, now()));
  });
  const stop = await generateAll(loop, completed, writer);
  const ending = (await writer.drain()) ?? stop;
  if (ending === null) return { status: 'done', completed: progress.done, total };
  return { status: ending.status, reason: ending.reason, completed: progress.done, total };
}

/** Generates every missing entry in schedule order; null when all were handed to the writer. */
async function generateAll(
  loop: Loop,
  completed: Set<number>,
  writer: ResultWriter,
): Promise<Stop | null> {
  const { options } = loop;
  const armsById = new Map(options.arms.map((arm) => [arm.id, arm]));
  for (const entry of scheduleEntries(options.plan)) {
    if (completed.has(entry.index)) continue;
    const failure = await writer.pace();
    if (failure !== null) return failure;
    if (options.signal?.aborted === true) return stopForAbort(options.signal);
    const arm = armsById.get(entry.armId);
    if (arm === undefined) {
      const reason = `Entry #${entry.index} uses arm '${entry.armId}', which the design does not have.`;
      return { kind: 'stop', status: 'failed', reason };
    }
    const step = await runEntry(loop, entry, arm);
    if (step.kind === 'stop') return step;
    writer.add(step.record);
  }
  return null;
}
