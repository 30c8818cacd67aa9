/**
 * Restoring a results bundle into this browser: what to write, and what would clash.
 *
 * Owns: `planRestore`, the pure half of "import a bundle into another browser" (storage runs the
 * plan in one transaction). Invariants: all-or-nothing — any clash (the run, a label or a design
 * already stored here with other content) makes the plan empty and lists every clash by name;
 * nothing stored is ever overwritten; an identical design or label already here is reused, not
 * reported; labels are stored under `storedLabelKey` whatever key the bundle used; a bundle
 * without a design can be analysed but not restored (a run cannot exist without one).
 */
import type { ExperimentDesign } from '../experiment/design';
import { labelTarget, storedLabelKey } from '../grading/humanLabels';
import type { HumanLabel, QuestionSetRecord, RunRecord } from '../records';
import type { Item, ResponseRecord } from '../types';
import type { ResultsBundle } from './bundle';

/** What is already stored here, for the ids the bundle would use. */
export interface RestoreExisting {
  runIds: ReadonlySet<string>;
  designs: ReadonlyMap<string, ExperimentDesign>;
  labels: ReadonlyMap<string, HumanLabel>;
  questionSetIds: ReadonlySet<string>;
}

export interface RestoreWrites {
  run: RunRecord;
  /** Absent when the same design is already stored. */
  design?: ExperimentDesign;
  records: ResponseRecord[];
  labels: HumanLabel[];
  /** The bundled items the bank lacks, as a set under the design's missing source id. */
  questionSet?: { record: QuestionSetRecord; items: Item[] };
}

export type RestorePlan =
  { ok: true; writes: RestoreWrites; summary: string } | { ok: false; clashes: string[] };

const BUILTIN_SOURCE = 'builtin';

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The run as stored: complete runs are done; a partial one cannot resume (its plan stayed behind). */
function restoredRun(bundle: ResultsBundle, design: ExperimentDesign, at: string): RunRecord {
  const isComplete = bundle.records.length >= bundle.run.planSize;
  const run: RunRecord = { ...bundle.run, design, updatedAt: at };
  delete run.reason;
  if (isComplete) return { ...run, status: 'done' };
  const reason = `Restored from a bundle with ${bundle.records.length} of ${bundle.run.planSize} answers; the rest of the plan did not travel, so it cannot resume.`;
  return { ...run, status: 'cancelled', reason };
}

/** Labels keyed as this browser stores them; a label naming no bundled answer is a clash. */
function restoredLabels(bundle: ResultsBundle, existing: RestoreExisting, clashes: string[]) {
  const answers = new Set(bundle.records.map((r) => `${r.runId}\u0000${r.planIndex}`));
  const labels: HumanLabel[] = [];
  for (const label of bundle.labels ?? []) {
    const target = labelTarget(label);
    if (!target || !answers.has(`${target.runId}\u0000${target.planIndex}`)) {
      clashes.push(`label "${label.key}" points at no answer in the bundle`);
      continue;
    }
    const key = storedLabelKey(target.runId, target.planIndex, label.labeller);
    const stored = existing.labels.get(key);
    const restored = { ...label, key };
    if (stored && !same(stored, restored)) {
      clashes.push(
        `a different label by "${label.labeller}" of answer #${target.planIndex + 1} is already stored`,
      );
    } else if (!stored) labels.push(restored);
  }
  return labels;
}

/** The bundled items the bank lacks, stored under the first source this browser does not have. */
function restoredItems(
  bundle: ResultsBundle,
  design: ExperimentDesign,
  existing: RestoreExisting,
  builtinIds: ReadonlySet<string>,
  at: string,
): RestoreWrites['questionSet'] {
  const sources = design.items.sources.filter((s) => s !== BUILTIN_SOURCE);
  const missing = sources.find((source) => !existing.questionSetIds.has(source));
  const items = bundle.items.filter((item) => !builtinIds.has(item.id));
  if (missing === undefined || items.length === 0) return undefined;
  const name = `Questions of "${bundle.run.name}" (restored from a bundle)`;
  const report = {
    format: 'warmth-lab-bundle',
    rowsRead: items.length,
    itemsMade: items.length,
    skipped: [],
  };
  return {
    record: {
      id: missing,
      name,
      format: 'warmth-lab-bundle',
      fileName: name,
      report,
      createdAt: at,
      itemCount: items.length,
    },
    items,
  };
}

/**
 * Plans restoring a bundle: the writes when nothing clashes with what is stored, else every
 * clash. `builtinIds` are the built-in bank's item ids (never copied into a set).
 */
export function planRestore(
  bundle: ResultsBundle,
  existing: RestoreExisting,
  builtinIds: ReadonlySet<string>,
  at: string,
): RestorePlan {
  const design = bundle.design;
  if (design === undefined) {
    return {
      ok: false,
      clashes: [
        'the bundle holds no experiment design, so its run cannot be restored (it can still be analysed)',
      ],
    };
  }
  const clashes: string[] = [];
  if (existing.runIds.has(bundle.run.id)) {
    clashes.push(`run "${bundle.run.name}" (${bundle.run.id}) is already stored in this browser`);
  }
  const storedDesign = existing.designs.get(design.id);
  if (storedDesign && !same(storedDesign, design)) {
    clashes.push(
      `a different design with id "${design.id}" ("${storedDesign.name}") is already stored`,
    );
  }
  const labels = restoredLabels(bundle, existing, clashes);
  if (clashes.length > 0) return { ok: false, clashes };
  const writes: RestoreWrites = {
    run: restoredRun(bundle, design, at),
    records: bundle.records,
    labels,
  };
  if (!storedDesign) writes.design = design;
  const questionSet = restoredItems(bundle, design, existing, builtinIds, at);
  if (questionSet) writes.questionSet = questionSet;
  const labellers = new Set(labels.map((l) => l.labeller)).size;
  const summary = `Restored run "${bundle.run.name}": ${bundle.records.length} answers, ${labels.length} labels by ${labellers} labeller${labellers === 1 ? '' : 's'}${questionSet ? `, ${questionSet.items.length} imported questions` : ''}.`;
  return { ok: true, writes, summary };
}
