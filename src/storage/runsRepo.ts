/**
 * Experiment runs: the run record, its full plan, its answers and their grades.
 *
 * Owns: the persistence half of resumable runs. Invariants: a run's whole plan is stored with
 * the run, before anything is generated; an answer and its plan entry's "done" mark are written
 * in one transaction, keyed by [runId, planIndex], so saving the same answer twice overwrites
 * rather than duplicates and a crash can never leave a result without its mark (or the
 * reverse); deleting a run deletes its plan and answers with it.
 *
 * Speed: big plans are written in slices of PLAN_SLICE entries, one transaction each, with a
 * pause between slices so the page stays responsive; the run record itself goes in with the
 * LAST slice, so a run is visible (listable, resumable) only once its whole plan is stored. A
 * crash mid-way leaves plan rows under a fresh, never-listed run id (harmless; a failed write
 * removes them). Bulk requests use the native IndexedDB objects (`unwrap`): one promise per
 * request costs more than the write itself at thousands of entries.
 */
import type { PlanEntry } from '../core/experiment/plan';
import type { RunStore } from '../core/experiment/runner';
import type { RunRecord, RunStatus } from '../core/records';
import type { Grade, ResponseRecord } from '../core/types';
import { unwrap } from 'idb';
import { allRequests, withTransaction } from './db';
import { StorageError } from './errors';
import type { StoredPlanEntry, WarmthDb } from './schema';

const STATUSES_WITH_REASON: readonly RunStatus[] = ['paused', 'failed', 'cancelled'];
/**
 * Plan entries per transaction when creating a run: cloning an entry into IndexedDB costs
 * ~0.1-0.2 ms in Chromium, so a slice stays well under the ~50 ms long-task mark.
 */
export const PLAN_SLICE = 100;

/** Yields to the event loop between plan slices (injected in tests). */
export type Pause = () => Promise<void>;
const pauseWithTimer: Pause = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Waits until every request settles; rejects with the first failure (the caller aborts). */
function settleAll(requests: readonly IDBRequest[]): Promise<void> {
  return new Promise((resolve, reject) => {
    let left = requests.length;
    if (left === 0) resolve();
    for (const request of requests) {
      request.onsuccess = () => --left === 0 && resolve();
      request.onerror = () => reject(request.error ?? new Error('An IndexedDB request failed.'));
    }
  });
}

/** Runs, plans, answers and grades over one database connection. */
export class RunsRepo {
  readonly #db: WarmthDb;
  readonly #now: () => string;

  /** `now` gives ISO timestamps (injected in tests). */
  constructor(db: WarmthDb, now: () => string = () => new Date().toISOString()) {
    this.#db = db;
    this.#now = now;
  }

  /**
   * Stores every plan entry (not done) and the run. Plans longer than PLAN_SLICE go in slices,
   * pausing between them; the run record is written with the last slice, so it never appears
   * with part of its plan. On failure the slices already written are deleted (best effort).
   */
  async createRun(
    run: RunRecord,
    plan: readonly PlanEntry[],
    pause: Pause = pauseWithTimer,
  ): Promise<void> {
    const isTaken = await withTransaction(this.#db, ['runs'], 'readonly', async (tx) => {
      return (await tx.store.getKey(run.id)) !== undefined;
    });
    if (isTaken) throw new StorageError('unknown', `A run with id '${run.id}' already exists.`);
    try {
      for (let start = 0; start === 0 || start < plan.length; start += PLAN_SLICE) {
        if (start > 0) await pause();
        const slice = plan.slice(start, start + PLAN_SLICE);
        const isLast = start + PLAN_SLICE >= plan.length;
        await this.#writePlanSlice(
          isLast ? { ...run, planSize: plan.length } : null,
          run.id,
          slice,
        );
      }
    } catch (error) {
      await this.#deleteOrphanPlan(run.id).catch(() => undefined);
      throw error;
    }
  }

  #writePlanSlice(run: RunRecord | null, runId: string, slice: readonly PlanEntry[]) {
    return withTransaction(this.#db, ['runs', 'planEntries'], 'readwrite', (tx) => {
      const entries = unwrap(tx.objectStore('planEntries'));
      const requests: IDBRequest[] = slice.map((entry) =>
        entries.add({ runId, index: entry.index, entry: { ...entry, runId }, isDone: false }),
      );
      if (run !== null) requests.push(unwrap(tx.objectStore('runs')).add(run));
      return settleAll(requests);
    });
  }

  /** Deletes the plan rows of a run id that has no run record (a creation that failed). */
  #deleteOrphanPlan(runId: string): Promise<void> {
    return withTransaction(this.#db, ['runs', 'planEntries'], 'readwrite', async (tx) => {
      if ((await tx.objectStore('runs').getKey(runId)) !== undefined) return;
      const plan = tx.objectStore('planEntries');
      const keys = await plan.index('by-run').getAllKeys(runId);
      const store = unwrap(plan);
      await settleAll(keys.map((key) => store.delete(key)));
    });
  }

  getRun(runId: string): Promise<RunRecord | undefined> {
    return withTransaction(this.#db, ['runs'], 'readonly', (tx) => tx.store.get(runId));
  }

  /** Newest first. */
  async listRuns(): Promise<RunRecord[]> {
    const runs = await withTransaction(this.#db, ['runs'], 'readonly', (tx) => tx.store.getAll());
    return runs.sort((a, b) =>
      a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0,
    );
  }

  /** The run's plan in index order. */
  async getPlan(runId: string): Promise<PlanEntry[]> {
    const rows = await withTransaction(this.#db, ['planEntries'], 'readonly', (tx) =>
      tx.store.index('by-run').getAll(runId),
    );
    return rows.map((row) => row.entry);
  }

  /** Stores an answer and marks its plan entry done, together; saving again overwrites. */
  saveResult(record: ResponseRecord): Promise<void> {
    return this.saveResults([record]);
  }

  /**
   * Stores several answers with their done marks in ONE transaction: all of them or none (a
   * group commit; the runner batches answers that arrived within a few tens of ms).
   */
  saveResults(records: readonly ResponseRecord[]): Promise<void> {
    return withTransaction(this.#db, ['results', 'planEntries'], 'readwrite', (tx) => {
      const entries = unwrap(tx.objectStore('planEntries'));
      const results = unwrap(tx.objectStore('results'));
      return new Promise<void>((resolve, reject) => {
        let left = records.length;
        if (left === 0) resolve();
        for (const record of records) {
          const request = entries.get([record.runId, record.planIndex]) as IDBRequest<
            StoredPlanEntry | undefined
          >;
          request.onerror = () => reject(request.error ?? new Error('Reading the plan failed.'));
          request.onsuccess = () => {
            try {
              markDone(entries, results, record, request.result);
              if (--left === 0) resolve();
            } catch (error) {
              reject(error);
            }
          };
        }
      });
    });
  }

  async getCompletedIndices(runId: string): Promise<Set<number>> {
    const keys = await withTransaction(this.#db, ['results'], 'readonly', (tx) =>
      tx.store.index('by-run').getAllKeys(runId),
    );
    return new Set(keys.map(([, planIndex]) => planIndex));
  }

  /** The lowest plan index without an answer, or null when every entry has one. */
  async getFirstMissingIndex(runId: string): Promise<number | null> {
    const rows = await withTransaction(this.#db, ['planEntries'], 'readonly', (tx) =>
      tx.store.index('by-run').getAll(runId),
    );
    const missing = rows.filter((row) => !row.isDone).map((row) => row.index);
    return missing.length === 0 ? null : Math.min(...missing);
  }

  /** The run's answers in plan-index order. */
  listResults(runId: string): Promise<ResponseRecord[]> {
    return withTransaction(this.#db, ['results'], 'readonly', (tx) =>
      tx.store.index('by-run').getAll(runId),
    );
  }

  countResults(runId: string): Promise<number> {
    return withTransaction(this.#db, ['results'], 'readonly', (tx) =>
      tx.store.index('by-run').count(runId),
    );
  }

  /** Sets the status; `reason` is kept only for paused, failed and cancelled runs. */
  setStatus(runId: string, status: RunStatus, reason?: string): Promise<RunRecord> {
    return withTransaction(this.#db, ['runs'], 'readwrite', async (tx) => {
      const run = await tx.store.get(runId);
      if (run === undefined) throw new StorageError('unknown', `No run with id '${runId}'.`);
      const updated: RunRecord = { ...run, status, updatedAt: this.#now() };
      delete updated.reason;
      if (reason !== undefined && STATUSES_WITH_REASON.includes(status)) updated.reason = reason;
      await tx.store.put(updated);
      return updated;
    });
  }

  /** Appends a judge or human grade to a stored answer. */
  addGrade(runId: string, planIndex: number, grade: Grade): Promise<ResponseRecord> {
    return withTransaction(this.#db, ['results'], 'readwrite', async (tx) => {
      const result = await tx.store.get([runId, planIndex]);
      if (result === undefined) {
        throw new StorageError('unknown', `Run '${runId}' has no answer #${planIndex} to grade.`);
      }
      const updated = { ...result, grades: [...result.grades, grade] };
      await tx.store.put(updated);
      return updated;
    });
  }

  /** Deletes the run with its plan and answers, in one transaction. */
  deleteRun(runId: string): Promise<void> {
    const stores = ['runs', 'planEntries', 'results'] as const;
    return withTransaction(this.#db, stores, 'readwrite', async (tx) => {
      const planKeys = await tx.objectStore('planEntries').index('by-run').getAllKeys(runId);
      const resultKeys = await tx.objectStore('results').index('by-run').getAllKeys(runId);
      await allRequests([
        () => tx.objectStore('runs').delete(runId),
        ...planKeys.map((key) => () => tx.objectStore('planEntries').delete(key)),
        ...resultKeys.map((key) => () => tx.objectStore('results').delete(key)),
      ]);
    });
  }
}

/** Writes the done mark, then the answer (a failing answer write aborts both). */
function markDone(
  entries: IDBObjectStore,
  results: IDBObjectStore,
  record: ResponseRecord,
  planned: StoredPlanEntry | undefined,
): void {
  if (planned === undefined) {
    throw new StorageError(
      'unknown',
      `Run '${record.runId}' has no plan entry #${record.planIndex}; the answer was not saved.`,
    );
  }
  entries.put({ ...planned, isDone: true });
  results.put(record);
}

/** Adapts the repository to the runner's store for one run (with group commits). */
export function createRunStore(repo: RunsRepo, runId: string): RunStore {
  return {
    getCompletedIndices: () => repo.getCompletedIndices(runId),
    saveResult: (record) => repo.saveResult(record),
    saveResults: (records) => repo.saveResults(records),
  };
}
