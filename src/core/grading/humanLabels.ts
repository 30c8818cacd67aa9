/**
 * Human labels of responses: their one key format, the labelling queue and label → grade.
 *
 * Owns: `recordKey` (which answer: `${runId}#${planIndex}`), `storedLabelKey` (where a label is
 * stored: `${runId}#${planIndex}#${labeller}`, one label per answer and labeller), reading a
 * stored label back (`labelTarget`, `labelsOfRun`), the order in which unlabelled responses are
 * offered and `labelToGrade` (the only copy). Invariants: every other module keys labels
 * through these functions; a stored key always parses back to its answer; the queue is
 * deterministic (plan order), a response labelled by this labeller is never offered again, and
 * in blind mode the offered record carries no grades, so the labeller cannot anchor on the rule
 * or judge verdict.
 */
import type { HumanLabel as StoredLabel } from '../records';
import type { Grade, Outcome, ResponseRecord } from '../types';

/** A label as the grading core uses it: `key` is the answer's `recordKey`. */
export interface HumanLabel {
  /** Record key, `${runId}#${planIndex}` (see `recordKey`). */
  key: string;
  outcome: Outcome;
  labeller: string;
  /** ISO timestamp. */
  at: string;
  /** True when the labeller could not see which arm produced the answer. */
  isBlind?: boolean;
}

/** The answer a label points at. */
export interface LabelTarget {
  runId: string;
  planIndex: number;
}

export interface QueueOptions {
  isBlind: boolean;
  /** Only this labeller's labels count as done (default: anyone's). */
  labeller?: string;
}

export interface QueueEntry {
  key: string;
  record: ResponseRecord;
  /** Unlabelled records left, this one included. */
  remaining: number;
}

/** Stable key of an answer: `${runId}#${planIndex}`. */
export function recordKey(record: Pick<ResponseRecord, 'runId' | 'planIndex'>): string {
  return `${record.runId}#${record.planIndex}`;
}

/**
 * Where a label is stored: one label per (answer, labeller), so relabelling overwrites and two
 * labellers never overwrite each other.
 */
export function storedLabelKey(runId: string, planIndex: number, labeller: string): string {
  return `${recordKey({ runId, planIndex })}#${labeller}`;
}

// Older builds wrote `${runId}#${planIndex}` and `${runId}:${planIndex}`; both still parse so
// the storage upgrade and old bundles can find the answer.
const TARGET = /^(.+)[#:](\d+)$/;

/**
 * The answer a stored label points at, from its key (current or older format), or null when the
 * key names no answer. The labeller suffix is stripped by name, so a name may contain "#".
 */
export function labelTarget(label: Pick<StoredLabel, 'key' | 'labeller'>): LabelTarget | null {
  const suffix = `#${label.labeller}`;
  const current = label.key.endsWith(suffix) ? label.key.slice(0, -suffix.length) : null;
  const match = TARGET.exec(current ?? label.key) ?? (current ? null : TARGET.exec(label.key));
  if (!match?.[1] || match[2] === undefined) return null;
  return { runId: match[1], planIndex: Number(match[2]) };
}

/** The `recordKey` of the answer a stored label points at, or null (see `labelTarget`). */
export function labelRecordKey(label: Pick<StoredLabel, 'key' | 'labeller'>): string | null {
  const target = labelTarget(label);
  return target ? recordKey(target) : null;
}

/** The stored labels of one run, as the grading core's labels (keyed like `recordKey`). */
export function labelsOfRun(stored: readonly StoredLabel[], runId: string): HumanLabel[] {
  const labels: HumanLabel[] = [];
  for (const label of stored) {
    const target = labelTarget(label);
    if (target?.runId !== runId) continue;
    const { outcome, labeller, at, isBlind } = label;
    labels.push({ key: recordKey(target), outcome, labeller, at, isBlind });
  }
  return labels;
}

/**
 * The next response to label, in plan order, or null when every record is labelled.
 * In blind mode the returned record's `grades` is empty.
 */
export function nextInQueue(
  records: ResponseRecord[],
  labels: HumanLabel[],
  options: QueueOptions,
): QueueEntry | null {
  const done = new Set(
    labels.filter((l) => !options.labeller || l.labeller === options.labeller).map((l) => l.key),
  );
  const open = [...records]
    .sort((a, b) => a.runId.localeCompare(b.runId) || a.planIndex - b.planIndex)
    .filter((r) => !done.has(recordKey(r)));
  const first = open[0];
  if (!first) return null;
  const record = options.isBlind ? { ...first, grades: [] } : first;
  return { key: recordKey(first), record, remaining: open.length };
}

/** A label as the grade appended to its answer (grader `human:<labeller>`). */
export function labelToGrade(
  label: Pick<StoredLabel, 'outcome' | 'labeller' | 'at'> & { isBlind?: boolean },
): Grade {
  return {
    outcome: label.outcome,
    grader: `human:${label.labeller}`,
    reason: label.isBlind ? 'human label (blind to the arm)' : 'human label',
    at: label.at,
  };
}

/**
 * Pairs each human label with the record's grade from a grader whose id starts with
 * `graderPrefix` (e.g. "rule:" or "judge:"), for `computeAgreement` (a = grader, b = human).
 */
export function pairsWithLabels(
  records: ResponseRecord[],
  labels: HumanLabel[],
  graderPrefix: string,
): { a: Outcome; b: Outcome; family: string; arm: string }[] {
  const byKey = new Map(records.map((r) => [recordKey(r), r]));
  const pairs: { a: Outcome; b: Outcome; family: string; arm: string }[] = [];
  for (const label of labels) {
    const record = byKey.get(label.key);
    const grade = record?.grades.find((g) => g.grader.startsWith(graderPrefix));
    if (record && grade) {
      pairs.push({ a: grade.outcome, b: label.outcome, family: record.family, arm: record.armId });
    }
  }
  return pairs;
}
