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

/**
 * Restores the bundle (see `planRestore`). Resolves to the plan: `ok: false` with the clashes
 * when nothing was written. @throws StorageError when a write fails (nothing is kept then).
 */
export function restoreBundle(
  db: WarmthDb,
  bundle: ResultsBundle,
  builtinIds: ReadonlySet<string>,
  now: string = new Date().toISOString(),
): Promise<RestorePlan> {
  return withTransaction(db, STORES, 'readwrite', async (tx) => {
    const runId = bundle.run.id;
    const sources = bundle.design?.items.sources ?? [];
    const [run, design, labels, sets] = await Promise.all([
      tx.objectStore('runs').get(runId),
      bundle.design ? tx.objectStore('designs').get(bundle.design.id) : undefined,
      // Every stored key of the run starts with `${runId}#`; '$' follows '#'.
      tx.objectStore('labels').getAll(IDBKeyRange.bound(`${runId}#`, `${runId}$`, false, true)),
      Promise.all(sources.map((id) => tx.objectStore('questionSets').getKey(id))),
    ]);
    const existing = {
      runIds: new Set(run ? [runId] : []),
      designs: new Map<string, ExperimentDesign>(design ? [[design.id, design]] : []),
      labels: new Map<string, HumanLabel>(labels.map((label) => [label.key, label])),
      questionSetIds: new Set(sets.filter((id): id is string => id !== undefined)),
    };
    const plan = planRestore(bundle, existing, builtinIds, now);
    if (plan.ok) await write(tx, plan.writes);
    return plan;
  });
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
