/**
 * Public API of the statistics core (framework-free; used by the CLI and the UI).
 *
 * Owns: nothing but re-exports, so callers import from one place and internals can move.
 */
export type { AnalysisOptions, AnalysisReport, PresetResult } from './analysis';
export { runAnalysis, stringifyReport, toReferenceShape } from './analysis';
export type { AnalysisTable, PlainRow, TableLevels } from './analysisRows';
export {
  AnalysisInputError,
  AnalysisTableBuilder,
  addCsvRecords,
  parseAnalysisCsv,
  REQUIRED_COLUMNS,
} from './analysisRows';
export type { FactorName, GlmFormula } from './design';
export type { ErrorRateRow, RefusalRateRow } from './errorRates';
export { errorRates, refusalRates } from './errorRates';
export type { GlmEstimate, GlmMethod, GlmResult, MarginalEffect } from './glm';
export { fitGlm } from './glm';
export { Z_95, clopperPearson, wilson } from './intervals';
export type { DiscordantStatistics, PairedTestRow } from './mcnemar';
export { benjaminiHochberg, discordantStatistics, mcnemarExactP, pairedTests } from './mcnemar';
export type { AnalysisMode, Outcomes } from './outcomes';
export { ANALYSIS_MODES, applyMode } from './outcomes';
export type { PairIndex, UnpairedRow } from './pairing';
export { pairRows } from './pairing';
export type { PowerInput, PowerResult, QuestionPowerInput, QuestionPowerResult } from './power';
export {
  DEFAULT_QUESTION_ICC,
  PAPER_EFFECT_PP,
  minimumDetectableDifference,
  planQuestionPower,
  requiredPairs,
} from './power';
export type { QuestionIcc } from './questionIcc';
export { estimateQuestionIcc } from './questionIcc';
export type { GlmPreset, PresetKey } from './presets';
export { paperPresets } from './presets';
export { PAPER_REFUSAL_PHRASES, isPaperRefusal } from './refusal';
