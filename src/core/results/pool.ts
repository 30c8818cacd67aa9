/**
 * Pools results bundles from several browsers/devices into one analysable set.
 *
 * Owns: `poolBundles`. Invariants: every pooled record carries the `device` it came from (a
 * factor for the analysis) and the index of its bundle; no response is counted twice — a
 * record is a duplicate when its (run, planIndex) or its (model, arm, item, condition, sample)
 * cell was already taken from an earlier bundle; the earlier bundle (in the order given) is
 * kept and every drop is reported by name. Arms and items are merged by id, first bundle wins,
 * and a conflicting definition is reported as a warning.
 */
import { conditionKey } from '../framing';
import type { HumanLabel } from '../records';
import type { Arm, Item, ResponseRecord } from '../types';
import type { ResultsBundle } from './bundle';
import { labelRecordKey, recordKey } from '../grading/humanLabels';

export interface PooledRecord extends ResponseRecord {
  /** The device label of the bundle the record came from. */
  device: string;
  /** 0-based position of that bundle in the list given to `poolBundles`. */
  bundleIndex: number;
}

/** Where one copy of a duplicated response came from. */
export interface PoolOrigin {
  bundleIndex: number;
  device: string;
  runId: string;
  planIndex: number;
}

export interface PoolDuplicate {
  /** `same-plan-entry`: same run and plan index; `same-cell`: same model, arm, item, condition, sample. */
  reason: 'same-plan-entry' | 'same-cell';
  kept: PoolOrigin;
  dropped: PoolOrigin;
  /** The sentence shown to the user. */
  message: string;
}

export interface PooledResults {
  records: PooledRecord[];
  arms: Arm[];
  items: Item[];
  labels: HumanLabel[];
  /** Device labels in bundle order, without repeats. */
  devices: string[];
  duplicates: PoolDuplicate[];
  warnings: string[];
}

function deviceOf(bundle: ResultsBundle, index: number): string {
  const label = bundle.device.label.trim();
  return label === '' ? `device ${index + 1}` : label;
}

function cellKey(record: ResponseRecord): string {
  return [
    record.modelId,
    record.armId,
    record.itemId,
    conditionKey(record.condition),
    record.sample,
  ].join('\u0000');
}

function originOf(record: PooledRecord): PoolOrigin {
  const { bundleIndex, device, runId, planIndex } = record;
  return { bundleIndex, device, runId, planIndex };
}

function describeOrigin(origin: PoolOrigin): string {
  return `bundle ${origin.bundleIndex + 1} ("${origin.device}", run ${origin.runId} #${origin.planIndex})`;
}

function toDuplicate(
  reason: PoolDuplicate['reason'],
  kept: PooledRecord,
  dropped: PooledRecord,
): PoolDuplicate {
  const what =
    reason === 'same-plan-entry'
      ? 'the same run and plan entry'
      : `the same model, arm, item, condition and sample (${dropped.modelId}, ${dropped.armId}, ${dropped.itemId})`;
  const message = `${describeOrigin(originOf(dropped))} repeats ${what} as ${describeOrigin(originOf(kept))}; kept bundle ${kept.bundleIndex + 1}'s answer`;
  return { reason, kept: originOf(kept), dropped: originOf(dropped), message };
}

/** Keeps the first copy of every response; reports the rest. */
function dedupe(candidates: readonly PooledRecord[]): {
  records: PooledRecord[];
  duplicates: PoolDuplicate[];
} {
  const byPlan = new Map<string, PooledRecord>();
  const byCell = new Map<string, PooledRecord>();
  const records: PooledRecord[] = [];
  const duplicates: PoolDuplicate[] = [];
  for (const record of candidates) {
    const planTwin = byPlan.get(recordKey(record));
    const cellTwin = byCell.get(cellKey(record));
    if (planTwin) duplicates.push(toDuplicate('same-plan-entry', planTwin, record));
    else if (cellTwin && cellTwin.bundleIndex !== record.bundleIndex) {
      duplicates.push(toDuplicate('same-cell', cellTwin, record));
    } else {
      records.push(record);
      byPlan.set(recordKey(record), record);
      if (!cellTwin) byCell.set(cellKey(record), record);
    }
  }
  return { records, duplicates };
}

/** Merges definitions by id; the first wins and a differing later one is reported. */
function mergeById<T extends { id: string }>(
  kind: string,
  bundles: readonly ResultsBundle[],
  pick: (bundle: ResultsBundle) => readonly T[],
  warnings: string[],
): T[] {
  const merged = new Map<string, { value: T; bundleIndex: number }>();
  bundles.forEach((bundle, bundleIndex) => {
    for (const value of pick(bundle)) {
      const first = merged.get(value.id);
      if (!first) merged.set(value.id, { value, bundleIndex });
      else if (JSON.stringify(first.value) !== JSON.stringify(value)) {
        warnings.push(
          `${kind} "${value.id}" differs between bundle ${first.bundleIndex + 1} and bundle ${bundleIndex + 1}; kept bundle ${first.bundleIndex + 1}'s`,
        );
      }
    }
  });
  return [...merged.values()].map((entry) => entry.value);
}

/** The same label exported in two bundles (same key, labeller and time) counts once. */
function uniqueLabels(labels: readonly HumanLabel[]): HumanLabel[] {
  const seen = new Set<string>();
  return labels.filter((label) => {
    const id = [label.key, label.labeller, label.at].join('\u0000');
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/**
 * Pools bundles exported from several browsers so they can be analysed together, with the
 * device as a factor. Duplicated responses are dropped (earlier bundle kept) and reported.
 */
export function poolBundles(bundles: readonly ResultsBundle[]): PooledResults {
  const candidates = bundles.flatMap((bundle, bundleIndex) =>
    bundle.records.map((record) => ({
      ...record,
      device: deviceOf(bundle, bundleIndex),
      bundleIndex,
    })),
  );
  const { records, duplicates } = dedupe(candidates);
  const warnings: string[] = [];
  const arms = mergeById('arm', bundles, (bundle) => bundle.arms, warnings);
  const items = mergeById('item', bundles, (bundle) => bundle.items, warnings);
  const keptKeys = new Set(records.map(recordKey));
  const labels = uniqueLabels(bundles.flatMap((bundle) => bundle.labels ?? [])).filter((label) =>
    keptKeys.has(labelRecordKey(label) ?? ''),
  );
  const devices = [...new Set(bundles.map(deviceOf))];
  return { records, arms, items, labels, devices, duplicates, warnings };
}
