/**
 * The dashboard's answer-first summary (headline, grading band, flip rates, paper comparison):
 * the same core/stats summary as Results, over the dashboard's answer pairs.
 *
 * Owns: turning answer pairs into paired observations. Invariants: a question is one item of the
 * run (the dashboard compares one base and one warm arm of one model); a cell is the item in one
 * context and sample; hedged beliefs and lead-ins are variants, not plain prompts.
 */
import { agreementSamples, factsOfRecord } from '../stats/answerFacts';
import { measureAgreement } from '../stats/gradingBand';
import type { PairObservation } from '../stats/observations';
import { beliefKindOf } from '../stats/observations';
import type { ResultsSummary } from '../stats/summary';
import { summariseObservations } from '../stats/summary';
import type { Item, ResponseRecord } from '../types';
import type { AnswerPair, ArmPair } from './pairs';

/** Paired observations of the dashboard's answer pairs. */
export function observationsFromPairs(
  pairs: readonly AnswerPair[],
  items: readonly Item[],
): PairObservation[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  return pairs.map((pair) => {
    const item = byId.get(pair.itemId);
    const { condition } = pair;
    return {
      cluster: pair.itemId,
      cell: `${pair.itemId}\u0000${condition.context}\u0000${pair.sample}`,
      family: pair.family,
      context: condition.context,
      belief: beliefKindOf(condition.belief),
      isVariant: condition.isHedged === true || condition.hasLeadIn === true,
      base: { ...factsOfRecord(pair.base, item), isWrong: pair.isBaseWrong },
      warm: { ...factsOfRecord(pair.warm, item), isWrong: pair.isWarmWrong },
    };
  });
}

/** The summary of one run's pairs; a warm arm on the base arm's model is a persona. */
export function summariseDashboard(
  pairs: readonly AnswerPair[],
  records: readonly ResponseRecord[],
  items: readonly Item[],
  armPair: ArmPair | null,
): ResultsSummary {
  const arms = armPair ? new Set([armPair.base.id, armPair.warm.id]) : new Set<string>();
  const samples = agreementSamples(records.filter((record) => arms.has(record.armId)));
  const isPersona = armPair !== null && armPair.base.modelId === armPair.warm.modelId;
  return summariseObservations(observationsFromPairs(pairs, items), {
    agreement: measureAgreement(samples),
    warmKind: armPair === null ? 'unknown' : isPersona ? 'persona' : 'fine-tune',
  });
}
