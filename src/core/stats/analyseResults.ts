/**
 * The analysis as the worker runs it: tabulate records when needed, then core/stats'
 * `runAnalysis` in stages so the view can show progress.
 *
 * Owns: the stage order (rates and paired tests first, then one GLM preset at a time).
 * Invariant: the merged report equals one `runAnalysis` call with every preset — both prepare
 * the shared parts once (`prepareAnalysis`) and then fit each preset (`fitPresetOf`).
 */
import { recordsUnder } from '../grading/gradeUnder';
import type { AnalysisReport } from './analysis';
import { fitPresetOf, prepareAnalysis } from './analysis';
import type { AnalysisInput, AnalysisOutcome, ProgressSink } from './analysisData';
import type { AnalysisMode } from './outcomes';
import type { PresetKey } from './presets';
import { tabulateRecords } from './tabulateResults';
import { summariseTable } from './summary';

export const PRESET_ORDER: readonly PresetKey[] = ['model1', 'model2', 'model3', 'model4'];

const PRESET_STAGES: Readonly<Record<PresetKey, string>> = {
  model1: 'Fitting model 1 (warmth + task + model)',
  model2: 'Fitting model 2 (warmth × context group)',
  model3: 'Fitting model 3 (warmth × each context)',
  model4: 'Fitting model 4 (warmth × stated belief)',
};

/** The records with the grades that count under the input's convention (one rule for all views). */
function recordsOf(input: Extract<AnalysisInput, { kind: 'records' }>) {
  const { records, items, convention } = input;
  return convention === undefined ? records : recordsUnder(records, items, convention);
}

/** Runs the full analysis in 1 + 4 stages, reporting each. */
export function analyseInStages(
  input: AnalysisInput,
  mode: AnalysisMode,
  progress: ProgressSink,
  now: () => number = () => Date.now(),
): AnalysisOutcome {
  const startedAt = now();
  const total = PRESET_ORDER.length + 1;
  progress('Preparing rows, error rates and paired tests', 0, total);
  const tabulation =
    input.kind === 'table'
      ? { table: input.table, notes: input.notes ?? [], ruleGraded: input.ruleGraded ?? 0 }
      : tabulateRecords(recordsOf(input), input.items, { isDeviceFactor: input.isDeviceFactor });
  if (tabulation.table.size === 0) {
    const reasons = tabulation.notes.map((note) => `${note.count} ${note.reason}`).join('; ');
    throw new Error(
      `Nothing to analyse: no base/warm answers with a verdict${reasons ? ` (${reasons})` : ''}.`,
    );
  }
  const prepared = prepareAnalysis(tabulation.table, mode);
  const report: AnalysisReport = prepared.report;
  PRESET_ORDER.forEach((key, index) => {
    progress(PRESET_STAGES[key], index + 1, total);
    const fitted = fitPresetOf(prepared, key);
    if (fitted) report.glm[key] = fitted;
  });
  progress('Done', total, total);
  return {
    report,
    summary: summariseTable(tabulation.table, mode, input.kind === 'records' ? input : undefined),
    notes: tabulation.notes,
    ruleGraded: tabulation.ruleGraded,
    convention: input.convention ?? 'correct',
    elapsedMs: now() - startedAt,
  };
}
