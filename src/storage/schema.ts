/**
 * The IndexedDB schema of Warmth Lab and its upgrade path.
 *
 * Owns: store names, keys, indexes, `DB_VERSION` and the ordered upgrade steps. Invariants:
 * steps only ever add (a released step is never edited, a new version gets a new step); each
 * step runs when `oldVersion < N <= newVersion`, so opening at any version from any older one
 * yields the same shape; results and plan entries are keyed by [runId, planIndex] so the same
 * answer can never be stored twice.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { labelTarget, storedLabelKey } from '../core/grading/humanLabels';
import type { ExperimentDesign } from '../core/experiment/design';
import type { PlanEntry } from '../core/experiment/plan';
import type {
  Comparison,
  HumanLabel,
  QuestionSetRecord,
  RunRecord,
  StoredFraming,
} from '../core/records';
import type { Family, Item, ResponseRecord } from '../core/types';

export const DB_NAME = 'warmth-lab';
export const DB_VERSION = 3;

/** An imported item, stored under its set. */
export interface StoredItem {
  setId: string;
  itemId: string;
  family: Family;
  item: Item;
}

/** A plan entry of a run; `isDone` flips in the same transaction that stores its result. */
export interface StoredPlanEntry {
  runId: string;
  index: number;
  entry: PlanEntry;
  isDone: boolean;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** Custom model records are opaque to storage beyond their id. */
export interface StoredModel {
  id: string;
  [field: string]: unknown;
}

export interface WarmthSchema extends DBSchema {
  comparisons: { key: string; value: Comparison; indexes: { 'by-createdAt': string } };
  questionSets: { key: string; value: QuestionSetRecord };
  questionItems: {
    key: [string, string];
    value: StoredItem;
    // 'by-set-family' arrived in version 2.
    indexes: { 'by-set': string; 'by-set-family': [string, Family] };
  };
  framings: { key: string; value: StoredFraming };
  designs: { key: string; value: ExperimentDesign };
  runs: { key: string; value: RunRecord };
  planEntries: { key: [string, number]; value: StoredPlanEntry; indexes: { 'by-run': string } };
  results: { key: [string, number]; value: ResponseRecord; indexes: { 'by-run': string } };
  labels: { key: string; value: HumanLabel };
  settings: { key: string; value: SettingRecord };
  models: { key: string; value: StoredModel };
}

export type WarmthDb = IDBPDatabase<WarmthSchema>;
export type UpgradeTransaction = IDBPTransaction<
  WarmthSchema,
  StoreNames<WarmthSchema>[],
  'versionchange'
>;

function createVersion1Stores(db: WarmthDb): void {
  const comparisons = db.createObjectStore('comparisons', { keyPath: 'id' });
  comparisons.createIndex('by-createdAt', 'createdAt');
  db.createObjectStore('questionSets', { keyPath: 'id' });
  const items = db.createObjectStore('questionItems', { keyPath: ['setId', 'itemId'] });
  items.createIndex('by-set', 'setId');
  db.createObjectStore('framings', { keyPath: 'id' });
  db.createObjectStore('designs', { keyPath: 'id' });
  db.createObjectStore('runs', { keyPath: 'id' });
  const plan = db.createObjectStore('planEntries', { keyPath: ['runId', 'index'] });
  plan.createIndex('by-run', 'runId');
  const results = db.createObjectStore('results', { keyPath: ['runId', 'planIndex'] });
  results.createIndex('by-run', 'runId');
  db.createObjectStore('labels', { keyPath: 'key' });
  db.createObjectStore('settings', { keyPath: 'key' });
  db.createObjectStore('models', { keyPath: 'id' });
}

// Version 2: per-family counts of a question set without reading every item. IndexedDB fills
// a new index from the rows already stored, so sets imported under version 1 are counted too.
function addFamilyIndex(tx: UpgradeTransaction): void {
  tx.objectStore('questionItems').createIndex('by-set-family', ['setId', 'family']);
}

// Version 3: one label key. Older builds also wrote `${runId}#${planIndex}` and
// `${runId}:${planIndex}`; each label moves to `storedLabelKey` (one per answer and labeller).
// When two labels land on one key the later one wins, as a relabel would. Keys that name no
// answer are left as they are (never deleted: a person wrote them).
async function rekeyLabels(tx: UpgradeTransaction): Promise<void> {
  const store = tx.objectStore('labels');
  const labels = await store.getAll();
  const kept = new Map<string, HumanLabel>();
  const moved: string[] = [];
  for (const label of labels) {
    const target = labelTarget(label);
    const key = target ? storedLabelKey(target.runId, target.planIndex, label.labeller) : label.key;
    const normal = { ...label, key, isBlind: label.isBlind === true };
    const earlier = kept.get(key);
    if (!earlier || earlier.at <= normal.at) kept.set(key, normal);
    if (key !== label.key) moved.push(label.key);
  }
  await Promise.all([
    ...moved.map((key) => store.delete(key)),
    ...[...kept.values()].map((label) => store.put(label)),
  ]);
}

/** Runs every upgrade step between `oldVersion` (exclusive) and `newVersion` (inclusive). */
export function upgradeWarmthDb(
  db: WarmthDb,
  oldVersion: number,
  newVersion: number,
  tx: UpgradeTransaction,
): void {
  if (oldVersion < 1 && newVersion >= 1) createVersion1Stores(db);
  if (oldVersion < 2 && newVersion >= 2) addFamilyIndex(tx);
  // The versionchange transaction stays open while rekeyLabels' requests are pending; any
  // failure aborts the whole upgrade, so the open fails rather than half-migrating.
  if (oldVersion >= 1 && oldVersion < 3 && newVersion >= 3) {
    rekeyLabels(tx).catch(() => tx.abort());
  }
}
