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
import { flipRates } from './flipRate';
import type { ArmAgreement, GradingBand } from './gradingBand';
import { gradingBand, measureAgreement } from './gradingBand';
import type { Headline } from './headline';
import { computeHeadline } from './headline';
import type { PairObservation } from './observations';
import { observationsFromTable } from './observations';
import type { AnalysisMode } from './outcomes';
import { applyMode } from './outcomes';
import { pairRows } from './pairing';
import type { PaperComparison, WarmKind } from './paperComparison';
import { compareWithPaperClaims } from './paperComparison';

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
  return {
    headline: computeHeadline(observations),
    flips: flipRates(observations),
    band: gradingBand(observations, options.agreement),
    paper: compareWithPaperClaims(observations),
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

/**
 * The summary of an analysis table. With `source`, row r came from `source.records[line − 1]`
 * (how the tabulation numbers rows), which adds confidence, grader and caving.
 */
export function summariseTable(
  table: AnalysisTable,
  mode: AnalysisMode,
  source?: { records: readonly ResponseRecord[]; items: readonly Item[] },
): ResultsSummary {
  const outcomes = applyMode(table, mode);
  const pairs = pairRows(table, outcomes.isIncluded);
  if (!source) return summariseObservations(observationsFromTable(table, outcomes, pairs));
  const items = new Map(source.items.map((item) => [item.id, item]));
  const factsOf = (row: number) => {
    const record = source.records[(table.line[row] as number) - 1] as ResponseRecord;
    return factsOfRecord(record, items.get(record.itemId));
  };
  return summariseObservations(observationsFromTable(table, outcomes, pairs, factsOf), {
    agreement: measureAgreement(agreementSamples(source.records)),
    warmKind: warmKindOf(source.records),
  });
}
