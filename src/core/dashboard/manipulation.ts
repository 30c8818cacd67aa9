/**
 * The manipulation check per arm: how long the answers are and how warm they sound.
 *
 * Owns: pooling. Length is the mean number of words per response (as counted by the warmth
 * indicator) with a normal-approximation 95% interval; warmth cues are pooled over the arm
 * (Σ cues / Σ words × 100), so long and short answers weigh by their length. Every response of
 * the arm counts, graded or not, because the check is about style, not correctness.
 * Invariants: rows follow the order of `arms`; an arm without responses is omitted; no NaN.
 */
import { Z_95 } from '../stats/intervals';
import type { Arm, ResponseRecord } from '../types';
import type { WarmthScore } from './warmthIndicator';
import { scoreWarmth } from './warmthIndicator';

export interface ArmStyleRow {
  armId: string;
  armLabel: string;
  role: Arm['role'];
  responses: number;
  meanWords: number;
  meanWordsLow: number;
  meanWordsHigh: number;
  secondPersonPer100: number;
  feelingPer100: number;
  exclamationsPer100: number;
  /** The warmth indicator: all cues per 100 words. */
  warmthPer100: number;
}

interface Sums {
  n: number;
  words: number;
  wordsSquared: number;
  secondPerson: number;
  feeling: number;
  exclamations: number;
}

function toRow(arm: Arm, s: Sums): ArmStyleRow {
  const mean = s.words / s.n;
  const variance = s.n > 1 ? Math.max(0, (s.wordsSquared - s.n * mean * mean) / (s.n - 1)) : 0;
  const half = Z_95 * Math.sqrt(variance / s.n);
  const per100 = (count: number) => (s.words ? (100 * count) / s.words : 0);
  return {
    armId: arm.id,
    armLabel: arm.label,
    role: arm.role,
    responses: s.n,
    meanWords: mean,
    meanWordsLow: Math.max(0, mean - half),
    meanWordsHigh: mean + half,
    secondPersonPer100: per100(s.secondPerson),
    feelingPer100: per100(s.feeling),
    exclamationsPer100: per100(s.exclamations),
    warmthPer100: per100(s.secondPerson + s.feeling + s.exclamations),
  };
}

/** Response length and warmth indicator per arm (`scoreOf` lets callers memoise scores). */
export function armStyle(
  records: readonly ResponseRecord[],
  arms: readonly Arm[],
  scoreOf: (record: ResponseRecord) => WarmthScore = (record) => scoreWarmth(record.output),
): ArmStyleRow[] {
  const sums = new Map<string, Sums>();
  for (const record of records) {
    let s = sums.get(record.armId);
    if (!s) {
      s = { n: 0, words: 0, wordsSquared: 0, secondPerson: 0, feeling: 0, exclamations: 0 };
      sums.set(record.armId, s);
    }
    const score = scoreOf(record);
    s.n++;
    s.words += score.words;
    s.wordsSquared += score.words * score.words;
    s.secondPerson += score.secondPerson;
    s.feeling += score.feeling;
    s.exclamations += score.exclamations;
  }
  return arms.flatMap((arm) => {
    const s = sums.get(arm.id);
    return s ? [toRow(arm, s)] : [];
  });
}
