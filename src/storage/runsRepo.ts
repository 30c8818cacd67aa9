/**
 * Experiment runs: the run record, its full plan, its answers and their grades.
 *
 * Owns: the persistence half of resumable runs. Invariants: a run's whole plan is stored with
 * the run, before anything is generated; an answer and its plan entry's "done" mark are written
 * in one transaction, keyed by [runId, planIndex], so saving the same answer twice overwrites
 * rather than duplicates and a crash can never leave a result without its mark (or the
 * reverse); deleting a run deletes its plan and answers with it.
 */
import type { PlanEntry } from '../core/experiment/plan';
import type { RunStore } from '../core/experiment/runner';
import type { RunRecord, RunStatus } from '../core/records';
import type { Grade, ResponseRecord } from '../core/types';
import { allRequests, withTransaction } from './db';
import { StorageError } from './errors';
import type { WarmthDb } from './schema';

const STATUSES_WITH_REASON: readonly RunStatus[] = ['paused', 'failed', 'cancelled'];

/** Runs, plans, answers and grades over one database connection. */
export class RunsRepo {
  readonly #db: WarmthDb;
  readonly #now: () => string;

  /** `now` gives ISO timestamps (injected in tests). */
  constructor(db: WarmthDb, now: () => string = () => new Date().toISOString()) {
    this.#db = db;
    this.#now = now;
  }

  /** Stores the run and every plan entry (not done) in one transaction. */
  createRun(run: RunRecord, plan: readonly PlanEntry[]): Promise<void> {
    return withTransaction(this.#db, ['runs', 'planEntries'], 'readwrite', async (tx) => {
      if ((await tx.objectStore('runs').getKey(run.id)) !== undefined) {
        throw new StorageError('unknown', `A run with id '${run.id}' already exists.`);
      }
      const entries = tx.objectStore('planEntries');
      await allRequests([
        () => tx.objectStore('runs').add({ ...run, planSize: plan.length }),
        ...plan.map(
          (entry) => () =>
            entries.add({
              runId: run.id,
              index: entry.index,
              entry: { ...entry, runId: run.id },
              isDone: false,
            }),
        ),
      ]);
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
    return withTransaction(this.#db, ['results', 'planEntries'], 'readwrite', async (tx) => {
      const entries = tx.objectStore('planEntries');
      const planned = await entries.get([record.runId, record.planIndex]);
      if (planned === undefined) {
        throw new StorageError(
          'unknown',
          `Run '${record.runId}' has no plan entry #${record.planIndex}; the answer was not saved.`,
        );
      }
      // Mark first: if the answer then fails to store, the abort must also undo the mark.
      await allRequests([
        () => entries.put({ ...planned, isDone: true }),
        () => tx.objectStore('results').put(record),
      ]);
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

/** Adapts the repository to the runner's store for one run. */
export function createRunStore(repo: RunsRepo, runId: string): RunStore {
  return {
    getCompletedIndices: () => repo.getCompletedIndices(runId),
    saveResult: (record) => repo.saveResult(record),
  };
}
