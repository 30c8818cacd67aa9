/**
 * Every dashboard series from one snapshot of a run's results, in one call.
 *
 * Owns: the composition. Invariants: pure; cost is linear in the number of records (one pass
 * to pair, then passes over pairs), so the UI can recompute a 4,000-record run several times a
 * second; the heavier GLM is not part of it (it runs in a worker, see glmJob.ts).
 */
import type { GradingMode } from '../grading';
import type { Arm, ResponseRecord } from '../types';
import type { ContextBeliefEffect, PairedDifference, ScatterPoint } from './effects';
import { baseWarmPoints, contextBeliefEffects, pairedDifference } from './effects';
import type { FamilyRateRow, SetupRateRow } from './errorRates';
import { errorRatesByFamily, errorRatesBySetup } from './errorRates';
import type { AnswerPair, ArmPair } from './pairs';
import { chooseArmPair, pairAnswers } from './pairs';
import type { StatsRow } from './statsTable';
import { pairedStatsTable } from './statsTable';

export interface DashboardSeries {
  mode: GradingMode;
  records: number;
  armPair: ArmPair | null;
  pairs: AnswerPair[];
  overall: PairedDifference | null;
  familyRates: FamilyRateRow[];
  setupRates: SetupRateRow[];
  effects: ContextBeliefEffect[];
  points: ScatterPoint[];
  stats: StatsRow[];
}

/** Computes every live series of the dashboard from a run's records and arms. */
export function computeDashboard(
  records: readonly ResponseRecord[],
  arms: readonly Arm[],
  mode: GradingMode,
): DashboardSeries {
  const armPair = chooseArmPair(arms);
  const pairs = armPair ? pairAnswers(records, armPair, mode) : [];
  return {
    mode,
    records: records.length,
    armPair,
    pairs,
    overall: pairedDifference(pairs),
    familyRates: errorRatesByFamily(records, arms, mode),
    setupRates: errorRatesBySetup(records, arms, mode),
    effects: contextBeliefEffects(pairs),
    points: baseWarmPoints(pairs),
    stats: pairedStatsTable(pairs),
  };
}
