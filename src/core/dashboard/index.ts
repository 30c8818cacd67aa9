/**
 * Public entry point of the dashboard series: framework-free functions from stored results to
 * chart series and tables. The UI imports from here only.
 */
export { computeDashboard } from './series';
export type { DashboardSeries } from './series';
export { chooseArmPair, pairAnswers, pairKeyOf, verdictOf } from './pairs';
export type { AnswerPair, ArmPair, Verdict } from './pairs';
export {
  SETUPS,
  SETUP_LABELS,
  errorRatesByFamily,
  errorRatesBySetup,
  rateCell,
  setupOf,
} from './errorRates';
export type { ArmRateRow, FamilyRateRow, RateCell, Setup, SetupRateRow } from './errorRates';
export { baseWarmPoints, contextBeliefEffects, groupPairs, pairedDifference } from './effects';
export type { ContextBeliefEffect, PairedDifference, ScatterPoint } from './effects';
export { BELIEF_SCOPE_LABELS, pairedStatsTable } from './statsTable';
export type { BeliefScope, StatsRow, StatsTier } from './statsTable';
export { describeSelection, isPairSelected, pairsFor, viewPairs } from './drilldown';
export type { AnswerView, PairView, Selection } from './drilldown';
export { EFFECT_COLUMNS, PAPER_COLUMNS, POINT_COLUMNS, STYLE_COLUMNS } from './columns';
export { beliefLabelOf, contextLabelOf } from './labels';
export { csvNumber, intervalText, percentText, ppText, pText, ratioText } from './format';
export {
  FAMILY_RATE_COLUMNS,
  SETUP_RATE_COLUMNS,
  STATS_COLUMNS,
  statsColumns,
  intervalColumn,
  numberColumn,
  tableToCsv,
  textColumn,
} from './tables';
export type { TableColumn } from './tables';
export { SECOND_PERSON_WORDS, FEELING_WORDS, WarmthCache, scoreWarmth } from './warmthIndicator';
export type { WarmthScore } from './warmthIndicator';
export { armStyle } from './manipulation';
export type { ArmStyleRow } from './manipulation';
export { PAPER_EFFECTS, compareWithPaper, paperRowSelection } from './paper';
export type { PaperComparisonRow, PaperEffect } from './paper';
export { MIN_GLM_ITEMS, MIN_GLM_ROWS, fitWarmthGlm, toGlmRows } from './glmJob';
export type { GlmRequest, GlmResponse, WarmthAme, WarmthGlm } from './glmJob';
