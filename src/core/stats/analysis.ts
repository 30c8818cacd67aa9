/**
 * The full analysis of a long results table and its reference-report form.
 *
 * Owns: the order of the pipeline — refusal convention → error rates → pairing → paired tests
 * → GLM presets — and the JSON shape of `expected.json` (rows_in, refusals_detected,
 * rows_analysed, error_rates, mcnemar, glm.model1/model2/model4). Invariants: the report holds
 * no NaN; infinities (odds ratios with c = 0) serialise as the string "inf" as in the reference.
 */
import type { AnalysisTable } from './analysisRows';
import { FormulaError } from './design';
import type { ErrorRateRow, RefusalRateRow } from './errorRates';
import { errorRates, refusalRates } from './errorRates';
import type { GlmResult } from './glm';
import { fitGlm } from './glm';
import type { PairedTestRow } from './mcnemar';
import { pairedTests } from './mcnemar';
import type { AnalysisMode, Outcomes } from './outcomes';
import { applyMode } from './outcomes';
import type { PairIndex } from './pairing';
import { pairRows } from './pairing';
import type { GlmPreset, PresetKey } from './presets';
import { paperPresets } from './presets';
import type { QuestionIcc } from './questionIcc';
import { estimateQuestionIcc } from './questionIcc';

export type PresetResult = GlmResult & { title: string; ameField: string };

export interface AnalysisReport {
  mode: AnalysisMode;
  rows_in: number;
  refusals_detected: number;
  rows_analysed: number;
  error_rates: ErrorRateRow[];
  /** Refusals per model × dataset × arm over all rows (strict mode's separate outcome). */
  refusal_rates: RefusalRateRow[];
  pairs: number;
  unpaired: PairIndex['unpaired'];
  mcnemar: PairedTestRow[];
  glm: Partial<Record<PresetKey, PresetResult>>;
  /** Intra-question correlation of paired differences, for power planning (not in the JSON). */
  questionIcc: QuestionIcc;
}

export interface AnalysisOptions {
  mode?: AnalysisMode;
  /** Which presets to fit (default all four). */
  models?: readonly PresetKey[];
}

function fitPreset(table: AnalysisTable, isIncorrect: Uint8Array, preset: GlmPreset): PresetResult {
  const labels = { title: preset.title, ameField: preset.ameField };
  try {
    return { ...fitGlm(table, preset.formula, preset.rows, isIncorrect, preset.ameBy), ...labels };
  } catch (error) {
    if (!(error instanceof FormulaError)) throw error;
    const formula = `is_incorrect ~ ${preset.formula.terms.join(' + ')}`;
    return { isEstimable: false, formula, n: preset.rows.length, reason: error.message, ...labels };
  }
}

/** The parts of an analysis shared by every GLM, computed once; presets are fitted after. */
export interface PreparedAnalysis {
  table: AnalysisTable;
  isIncorrect: Uint8Array;
  presets: GlmPreset[];
  /** The report with no GLM fitted yet (`glm: {}`). */
  report: AnalysisReport;
  /** The refusal convention's outcomes and the pairing, shared with the results summary. */
  outcomes: Outcomes;
  pairs: PairIndex;
}

/** Everything but the GLMs: refusal convention, error rates, pairing, paired tests, ICC. */
export function prepareAnalysis(table: AnalysisTable, mode: AnalysisMode): PreparedAnalysis {
  const outcomes = applyMode(table, mode);
  const pairs = pairRows(table, outcomes.isIncluded);
  const report: AnalysisReport = {
    mode,
    rows_in: table.size,
    refusals_detected: outcomes.refusalsDetected,
    rows_analysed: outcomes.rowsAnalysed,
    error_rates: errorRates(table, outcomes),
    refusal_rates: refusalRates(table),
    pairs: pairs.count,
    unpaired: pairs.unpaired,
    mcnemar: pairedTests(table, outcomes, pairs),
    glm: {},
    questionIcc: estimateQuestionIcc(table, outcomes, pairs),
  };
  const presets = paperPresets(table, outcomes);
  return { table, isIncorrect: outcomes.isIncorrect, presets, report, outcomes, pairs };
}

/** Fits one preset of a prepared analysis (undefined when the preset does not exist). */
export function fitPresetOf(prepared: PreparedAnalysis, key: PresetKey): PresetResult | undefined {
  const preset = prepared.presets.find((candidate) => candidate.key === key);
  return preset && fitPreset(prepared.table, prepared.isIncorrect, preset);
}

/**
 * Runs the whole analysis: error rates with Wilson intervals, paired McNemar tests with BH
 * correction, and the paper's GLMs with cluster-robust SEs and warmth AMEs.
 */
export function runAnalysis(table: AnalysisTable, options: AnalysisOptions = {}): AnalysisReport {
  const prepared = prepareAnalysis(table, options.mode ?? 'paper');
  for (const key of options.models ?? ['model1', 'model2', 'model3', 'model4']) {
    const fitted = fitPresetOf(prepared, key);
    if (fitted) prepared.report.glm[key] = fitted;
  }
  return prepared.report;
}

/** One GLM in the reference shape (or its not-estimable form). */
function glmToReference(result: PresetResult): Record<string, unknown> {
  if (!result.isEstimable) {
    return { formula: result.formula, n: result.n, not_estimable: result.reason };
  }
  const byGroup = result.ameByGroup
    ? Object.fromEntries(Object.entries(result.ameByGroup).map(([level, e]) => [level, e.pp]))
    : null;
  return {
    method: result.method,
    ...(result.separation === undefined ? {} : { separation: result.separation }),
    formula: result.formula,
    n: result.n,
    params: result.params,
    bse: result.bse,
    cluster_bse: result.cluster_bse,
    cluster_pvalues: result.cluster_pvalues,
    pvalues: result.pvalues,
    [result.ameField]: byGroup ?? result.ame.pp,
    llf: result.llf,
  };
}

/**
 * The report in exactly the reference (`expected.json`) shape. Strict mode adds
 * `refusal_rates`, since refusals are then an outcome of their own.
 */
export function toReferenceShape(report: AnalysisReport): Record<string, unknown> {
  const glm: Record<string, unknown> = {};
  for (const key of ['model1', 'model2', 'model3', 'model4'] as const) {
    const result = report.glm[key];
    if (result) glm[key] = glmToReference(result);
  }
  return {
    rows_in: report.rows_in,
    refusals_detected: report.refusals_detected,
    rows_analysed: report.rows_analysed,
    error_rates: report.error_rates,
    ...(report.mode === 'strict' ? { refusal_rates: report.refusal_rates } : {}),
    mcnemar: report.mcnemar,
    glm,
  };
}

/** JSON text in which ±Infinity become "inf"/"-inf" (as Python's reference writer spells them). */
export function stringifyReport(value: unknown, indent?: number): string {
  return JSON.stringify(
    value,
    (_key, item: unknown) => {
      if (item === Infinity) return 'inf';
      if (item === -Infinity) return '-inf';
      return item;
    },
    indent,
  );
}
