/**
 * Human labels, stored one per answer and labeller under `storedLabelKey`.
 *
 * Owns: the labels store. Invariants: a label and the `human:<labeller>` grade it adds to its
 * answer are written in one transaction (`saveWithGrade`), so a crash never leaves a label
 * without its grade or a grade without its label; keys come from core/grading/humanLabels.
 */
import { labelTarget, labelToGrade } from '../core/grading/humanLabels';
import type { HumanLabel } from '../core/records';
import type { ResponseRecord } from '../core/types';
import { withTransaction } from './db';
import { StorageError } from './errors';
import { KeyedRepo } from './simpleRepos';
import type { WarmthDb } from './schema';

/** Human labels in key order (so one run's labels sit together, in plan order per labeller). */
export class LabelsRepo extends KeyedRepo<'labels', HumanLabel> {
  constructor(db: WarmthDb) {
    super(db, 'labels');
  }

  /**
   * Stores the label and appends its grade to the answer it points at, in one transaction.
   * @returns the answer with the new grade.
   * @throws StorageError when the key names no stored answer (nothing is written then).
   */
  saveWithGrade(label: HumanLabel): Promise<ResponseRecord> {
    const target = labelTarget(label);
    return withTransaction(this.db, ['labels', 'results'], 'readwrite', async (tx) => {
      const results = tx.objectStore('results');
      const result = target ? await results.get([target.runId, target.planIndex]) : undefined;
      if (!target || result === undefined) {
        throw new StorageError('unknown', `Label '${label.key}' points at no stored answer.`);
      }
      const updated = { ...result, grades: [...result.grades, labelToGrade(label)] };
      await Promise.all([tx.objectStore('labels').put(label), results.put(updated)]);
      return updated;
    });
  }

  /** The labels of one run (any labeller), in key order. */
  listRun(runId: string): Promise<HumanLabel[]> {
    // Every key of the run starts with `${runId}#`; '#' + 1 is '$', which bounds them above.
    const range = IDBKeyRange.bound(`${runId}#`, `${runId}$`, false, true);
    return withTransaction(this.db, ['labels'], 'readonly', (tx) => tx.store.getAll(range));
  }
}
