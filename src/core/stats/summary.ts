/**
 * The answer-first summary shown above every detail table: headline effect, flip rates,
 * grading-uncertainty band and the like-for-like comparison with the paper.
 *
 * Owns: assembling those four from one list of paired observations, and building that list
 * from an analysis table (plus, for tabulated records, the records behind its rows). Invariant:
 * the pairs are exactly the ones the McNemar tests use (same refusal mode, same pairing), so the
 * headline and the detail tables never disagree on n.
 */
import type { Item, ResponseRecord } from '../types';
import type { AnalysisTable } from './analysisRows';
import { agreementSamples, factsOfRecord } from './answerFacts';
import type { FlipRate } from './flipRate';
import { flipRatesOf } from './flipRate';
import type { ArmAgreement, GradingBand } from './gradingBand';
import { gradingBandOf, measureAgreement } from './gradingBand';
import { groupEffects } from './groupEffects';
import type { Headline } from './headline';
import { headlineOf } from './headline';
import type { ObservationColumns } from './observationColumns';
import { columnsOfObservations } from './observationColumns';
import type { PairObservation } from './observations';
import { columnsFromTable } from './observations';
import type { AnalysisMode, Outcomes } from './outcomes';
import { applyMode } from './outcomes';
import type { PairIndex } from './pairing';
import { pairRows } from './pairing';
import type { PaperComparison, WarmKind } from './paperComparison';
import { paperComparisonOf } from './paperComparison';

export interface ResultsSummary {
  headline: Headline;
  flips: FlipRate[];
  band: GradingBand | null;
  paper: PaperComparison[];
  warmKind: WarmKind;
}

export interface SummaryOptions {
  agreement?: { base: ArmAgreement | null; warm: ArmAgreement | null };
  warmKind?: WarmKind;
}

/** The four parts of the summary over one set of pairs. */
export function summariseObservations(
  observations: readonly PairObservation[],
  options: SummaryOptions = {},
): ResultsSummary {
  return summariseColumns(columnsOfObservations(observations), options);
}

/** The same over observation columns (what both the table and the dashboard path reach). */
export function summariseColumns(
  columns: ObservationColumns,
  options: SummaryOptions = {},
): ResultsSummary {
  const effects = groupEffects(columns);
  return {
    headline: headlineOf(effects),
    flips: flipRatesOf(columns),
    band: gradingBandOf(columns, options.agreement),
    paper: paperComparisonOf(effects),
    warmKind: options.warmKind ?? 'unknown',
  };
}

/**
 * A persona shares its base model's weights; a fine-tune has its own. Unknown without records
 * (an imported table names one model for both variants either way).
 */
export function warmKindOf(records: readonly ResponseRecord[]): WarmKind {
  const models = (role: string) =>
    new Set(records.filter((r) => r.armRole === role).map((r) => r.modelId));
  const base = models('base');
  const warm = models('warm');
  if (base.size === 0 || warm.size === 0) return 'unknown';
  return [...warm].every((model) => base.has(model)) ? 'persona' : 'fine-tune';
}

/** The refusal convention's outcomes and the pairing, when the analysis already has them. */
export interface SharedPairing {
  outcomes: Outcomes;
  pairs: PairIndex;
}

/**
 * The summary of an analysis table. With `source`, row r came from `source.records[line − 1]`
 * (how the tabulation numbers rows), which adds confidence, grader and caving. `shared` are
 * `prepareAnalysis`'s outcomes and pairs of the same table and mode (computed here otherwise).
 */
export function summariseTable(
  table: AnalysisTable,
  mode: AnalysisMode,
  source?: { records: readonly ResponseRecord[]; items: readonly Item[] },
  shared?: SharedPairing,
): ResultsSummary {
  if (shared && shared.outcomes.mode !== mode) {
    throw new Error(`summariseTable: outcomes of mode ${shared.outcomes.mode}, asked for ${mode}`);
  }
  const outcomes = shared?.outcomes ?? applyMode(table, mode);
  const pairs = shared?.pairs ?? pairRows(table, outcomes.isIncluded);
  if (!source) return summariseColumns(columnsFromTable(table, outcomes, pairs));
  const items = new Map(source.items.map((item) => [item.id, item]));
  const factsOf = (row: number) => {
    const record = source.records[(table.line[row] as number) - 1] as ResponseRecord;
    return factsOfRecord(record, items.get(record.itemId));
  };
  return summariseColumns(columnsFromTable(table, outcomes, pairs, factsOf), {
    agreement: measureAgreement(agreementSamples(source.records)),
    warmKind: warmKindOf(source.records),
  });
}
