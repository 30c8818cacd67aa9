/**
 * Human labels of responses and the labelling queue.
 *
 * Owns: the `HumanLabel` record, the order in which unlabelled responses are offered, and turning
 * labels into grades / agreement pairs. The queue UI (keys c/i/r/s) lives elsewhere. Invariants:
 * the queue is deterministic (plan order), a response labelled by this labeller is never offered
 * again, and in blind mode the offered record carries no grades, so the labeller cannot anchor on
 * the rule or judge verdict.
 */
import type { Grade, Outcome, ResponseRecord } from '../types';
import { recordKey } from './judgePass';

export interface HumanLabel {
  /** Record key, `${runId}:${planIndex}` (see `recordKey`). */
  key: string;
  outcome: Outcome;
  labeller: string;
  /** ISO timestamp. */
  at: string;
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

/** A label as a Grade (`human:<labeller>`). */
export function labelToGrade(label: HumanLabel): Grade {
  return {
    outcome: label.outcome,
    grader: `human:${label.labeller}`,
    reason: 'human label',
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
