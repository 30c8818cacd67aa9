/**
 * The analysis as the worker runs it: tabulate records when needed, then core/stats'
 * `runAnalysis` in stages so the view can show progress.
 *
 * Owns: the stage order (rates and paired tests first, then one GLM preset at a time, then the
 * results summary unless the caller has no use for it). Invariants: the merged report equals
 * one `runAnalysis` call with every preset — both prepare the shared parts once
 * (`prepareAnalysis`) and then fit each preset (`fitPresetOf`); the summary reuses that
 * preparation's refusal outcomes and pairing, so it counts exactly the McNemar tests' pairs.
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

/** The input as an analysis table; an error when no answer can be analysed. */
function tabulationOf(input: AnalysisInput) {
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
  return tabulation;
}

export interface StageOptions {
  /** Clock for `elapsedMs` (default `Date.now`). */
  now?: () => number;
  /**
   * Whether to work out the results summary (headline, flip rates, band, paper); default true.
   * Callers that never show it (`analyze --json`) skip it; the outcome then has no `summary`.
   */
  hasSummary?: boolean;
}

/** Runs the full analysis in 1 + 4 stages, reporting each. */
export function analyseInStages(
  input: AnalysisInput,
  mode: AnalysisMode,
  progress: ProgressSink,
  options: StageOptions = {},
): AnalysisOutcome {
  const { now = () => Date.now(), hasSummary = true } = options;
  const startedAt = now();
  const total = PRESET_ORDER.length + 1;
  progress('Preparing rows, error rates and paired tests', 0, total);
  const tabulation = tabulationOf(input);
  const prepared = prepareAnalysis(tabulation.table, mode);
  const report: AnalysisReport = prepared.report;
  PRESET_ORDER.forEach((key, index) => {
    progress(PRESET_STAGES[key], index + 1, total);
    const fitted = fitPresetOf(prepared, key);
    if (fitted) report.glm[key] = fitted;
  });
  progress('Done', total, total);
  const source = input.kind === 'records' ? input : undefined;
  return {
    report,
    ...(hasSummary ? { summary: summariseTable(tabulation.table, mode, source, prepared) } : {}),
    notes: tabulation.notes,
    ruleGraded: tabulation.ruleGraded,
    convention: input.convention ?? 'correct',
    elapsedMs: now() - startedAt,
  };
}
