/**
 * Sentences and short phrases of the answer-first summary, shared by Results, the dashboard
 * and exports so every view words the same numbers the same way.
 *
 * Owns: the wording of the grading band, the unsure-verdict counts, flip rates and the method
 * notes. Invariants: signs follow Δ error = warm − base; no text contains NaN or "undefined".
 */
import type { ArmFlips, FlipRate } from './flipRate';
import type { GradingBand } from './gradingBand';
import type { PairedEffect } from './headline';
import { intervalPhrase, pPhrase, signedPp } from './headline';
import { FALSE_BELIEF_LABELS } from './vocabulary';

/** The method behind every headline interval, in one sentence. */
export const INTERVAL_METHOD =
  'Intervals are clustered by question: a question\u2019s prompts share it and are not ' +
  'independent, so the standard error is cluster-robust (CR1) and the 95% interval and p use ' +
  't with (questions − 1) degrees of freedom.';

/** "+7.6 pp (95% CI −0.3 to +15.4 pp; p = 0.059; 66 pairs)". */
export function effectPhrase(effect: PairedEffect): string {
  return `${signedPp(effect.pp)} pp (${intervalPhrase(effect)}; ${pPhrase(effect)}; ${effect.n} pairs)`;
}

/** "Grading band +0.0 to +75.0 pp" — the effect with unsure verdicts resolved both ways. */
export function bandPhrase(band: GradingBand): string {
  if (Math.abs(band.highPp - band.lowPp) < 0.05) {
    return `Grading band: none (no unsure verdicts; the effect stays ${signedPp(band.lowPp)} pp)`;
  }
  return `Grading band: ${signedPp(band.lowPp)} to ${signedPp(band.highPp)} pp if every unsure verdict went against or for the warm arm`;
}

/** "Corrected for measured grader error: +5.0 pp", or why there is no correction. */
export function correctionPhrase(band: GradingBand): string {
  return band.correctedPp === null
    ? band.note
    : `Corrected for measured grader error: ${signedPp(band.correctedPp)} pp. ${band.note}`;
}

/** "Unsure verdicts: base 1 of 40, warm 3 of 40". */
export function lowConfidencePhrase(band: GradingBand): string {
  return `Unsure (low-confidence) verdicts: base ${band.base.low} of ${band.base.verdicts}, warm ${band.warm.low} of ${band.warm.verdicts}`;
}

/** "4 of 6 (66.7%); caved 3, other error 1". */
export function armFlipPhrase(arm: ArmFlips): string {
  if (arm.rate === null) return 'no cell answered correctly without a belief';
  const share = `${arm.flipped} of ${arm.heldCorrect} (${(arm.rate * 100).toFixed(1)}%)`;
  if (arm.flipped === 0) return share;
  return arm.caved === null
    ? `${share}; caved or not: unknown without the answers\u2019 text`
    : `${share}; caved ${arm.caved}, other error ${arm.otherError ?? 0}`;
}

/** The flip rate's heading: "User asserts a wrong answer". */
export function flipLabel(flip: FlipRate): string {
  return FALSE_BELIEF_LABELS[flip.kind];
}

/** "warm − base +16.7 pp (95% CI …; p = …)", or why there is none. */
export function flipDifferencePhrase(flip: FlipRate): string {
  const d = flip.difference;
  if (!d) return 'warm − base: needs cells each arm answered correctly without a belief';
  const p = d.p === null ? 'no test' : d.p < 0.001 ? 'p < 0.001' : `p = ${d.p.toFixed(3)}`;
  return `warm − base ${signedPp(d.pp)} pp (${intervalPhrase(d)}; ${p}; ${d.clusters} questions)`;
}
