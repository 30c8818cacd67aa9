/**
 * Restores a results bundle into this browser's database.
 *
 * Owns: reading what the bundle's ids already name here and writing the restore plan of
 * core/results/restore in ONE transaction. Invariants: all-or-nothing — a clash writes nothing
 * and returns every clash; a failing write aborts the whole restore; `add` (never `put`) for
 * the run, answers, labels and items, so even a race with another tab cannot overwrite.
 */
import type { ExperimentDesign } from '../core/experiment/design';
import type { HumanLabel } from '../core/records';
import type { ResultsBundle } from '../core/results/bundle';
import { planRestore } from '../core/results/restore';
import type { RestorePlan, RestoreWrites } from '../core/results/restore';
import { allRequests, withTransaction } from './db';
import type { WarmthDb } from './schema';

const STORES = ['runs', 'designs', 'labels', 'results', 'questionSets', 'questionItems'] as const;

/** The outcome of restoring several bundles: every summary, or every clash (nothing written). */
export type RestoreOutcome = { ok: true; summaries: string[] } | { ok: false; clashes: string[] };

interface MutableExisting {
  runIds: Set<string>;
  designs: Map<string, ExperimentDesign>;
  labels: Map<string, HumanLabel>;
  questionSetIds: Set<string>;
}

/** Reads what the bundles' ids already name in this database. */
async function readExisting(
  tx: RestoreTx,
  bundles: readonly ResultsBundle[],
): Promise<MutableExisting> {
  const existing: MutableExisting = {
    runIds: new Set(),
    designs: new Map(),
    labels: new Map(),
    questionSetIds: new Set(),
  };
  for (const bundle of bundles) {
    const runId = bundle.run.id;
    const [run, design, labels, sets] = await Promise.all([
      tx.objectStore('runs').getKey(runId),
      bundle.design ? tx.objectStore('designs').get(bundle.design.id) : undefined,
      // Every stored key of the run starts with `${runId}#`; '$' follows '#'.
      tx.objectStore('labels').getAll(IDBKeyRange.bound(`${runId}#`, `${runId}$`, false, true)),
      Promise.all(
        (bundle.design?.items.sources ?? []).map((id) => tx.objectStore('questionSets').getKey(id)),
      ),
    ]);
    if (run !== undefined) existing.runIds.add(runId);
    if (design) existing.designs.set(design.id, design);
    for (const label of labels) existing.labels.set(label.key, label);
    for (const id of sets) if (id !== undefined) existing.questionSetIds.add(id);
  }
  return existing;
}

/** Counts a planned restore as stored, so a later bundle of the same batch clashes with it. */
function remember(existing: MutableExisting, writes: RestoreWrites): void {
  existing.runIds.add(writes.run.id);
  existing.designs.set(writes.run.design.id, writes.run.design);
  for (const label of writes.labels) existing.labels.set(label.key, label);
  if (writes.questionSet) existing.questionSetIds.add(writes.questionSet.record.id);
}

/**
 * Restores the bundles (see `planRestore`) together: all of them, or nothing when any clashes
 * with this browser or with an earlier bundle of the batch. Clashes are prefixed by file name.
 * @throws StorageError when a write fails (nothing is kept then).
 */
export function restoreBundles(
  db: WarmthDb,
  bundles: readonly { fileName: string; bundle: ResultsBundle }[],
  builtinIds: ReadonlySet<string>,
  now: string = new Date().toISOString(),
): Promise<RestoreOutcome> {
  return withTransaction(db, STORES, 'readwrite', async (tx) => {
    const existing = await readExisting(
      tx,
      bundles.map((entry) => entry.bundle),
    );
    const plans: RestorePlan[] = [];
    const clashes: string[] = [];
    for (const { fileName, bundle } of bundles) {
      const plan = planRestore(bundle, existing, builtinIds, now);
      plans.push(plan);
      if (plan.ok) remember(existing, plan.writes);
      else
        clashes.push(...plan.clashes.map((clash) => (fileName ? `${fileName}: ${clash}` : clash)));
    }
    if (clashes.length > 0) return { ok: false, clashes };
    const summaries: string[] = [];
    for (const plan of plans) {
      if (!plan.ok) continue;
      await write(tx, plan.writes);
      summaries.push(plan.summary);
    }
    return { ok: true, summaries };
  });
}

/** Restores one bundle; resolves to its plan (`ok: false` with the clashes: nothing written). */
export function restoreBundle(
  db: WarmthDb,
  bundle: ResultsBundle,
  builtinIds: ReadonlySet<string>,
  now: string = new Date().toISOString(),
): Promise<RestoreOutcome> {
  return restoreBundles(db, [{ fileName: '', bundle }], builtinIds, now);
}

type RestoreTx = Parameters<
  Parameters<typeof withTransaction<typeof STORES, 'readwrite', unknown>>[3]
>[0];

function write(tx: RestoreTx, writes: RestoreWrites): Promise<void> {
  const { run, design, records, labels, questionSet } = writes;
  const items = tx.objectStore('questionItems');
  return allRequests([
    () => tx.objectStore('runs').add(run),
    ...(design ? [() => tx.objectStore('designs').add(design)] : []),
    ...records.map((record) => () => tx.objectStore('results').add(record)),
    ...labels.map((label) => () => tx.objectStore('labels').add(label)),
    ...(questionSet
      ? [
          () => tx.objectStore('questionSets').add(questionSet.record),
          ...questionSet.items.map(
            (item) => () =>
              items.add({
                setId: questionSet.record.id,
                itemId: item.id,
                family: item.family,
                item,
              }),
          ),
        ]
      : []),
  ]);
}
