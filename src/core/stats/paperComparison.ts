/**
 * Comparing a result with Ibrahim, Hafner & Rocher (2026) like for like.
 *
 * Owns: the published figures and the subset of pairs each one is about. The paper's +7.43 pp
 * overall and its per-task figures were measured on unmodified prompts (no interpersonal
 * context) without a user belief, so they are compared with exactly that subset here; the
 * +11 pp is about prompts where the user states a false belief. Those figures come from
 * fine-tuned warm models; when the warm arm is a system-prompt persona the paper's own
 * system-prompt ablation is the fairer reference (mean accuracy change Qwen-32B −6.39 pp,
 * GPT-4o −4.12 pp, Llama-70B +0.96 pp — "in the same direction but smaller and less
 * consistent"), shown as error changes (the sign flipped). Invariants: a claim whose
 * conditions the design lacks is "not in this design", never "agrees"; "agrees" needs the
 * whole clustered interval on the paper's side of zero.
 */
import type { Family } from '../types';
import { familyWithDataset } from '../families';
import type { PairedEffect } from './headline';
import { effectsOf, isFalseBelief } from './headline';
import type { PairObservation } from './observations';

export type WarmKind = 'fine-tune' | 'persona' | 'unknown';

export type Agreement = 'agrees' | 'inconclusive' | 'opposite' | 'not-in-design';

export interface PaperClaim {
  id: string;
  label: string;
  /** Published warm − base change in error, pp. */
  paperPp: number;
  /** Which pairs of this design the claim is about, in words. */
  subset: string;
  select: (pair: PairObservation) => boolean;
}

export interface PaperComparison {
  id: string;
  label: string;
  paperPp: number;
  subset: string;
  yours: PairedEffect | null;
  agreement: Agreement;
}

/** The paper's system-prompt ablation, as change in error (pp) = −(change in accuracy). */
export const PERSONA_ABLATION: readonly { model: string; accuracyPp: number; errorPp: number }[] = [
  { model: 'Qwen-32B', accuracyPp: -6.39, errorPp: 6.39 },
  { model: 'GPT-4o', accuracyPp: -4.12, errorPp: 4.12 },
  { model: 'Llama-70B', accuracyPp: 0.96, errorPp: -0.96 },
];

export const PERSONA_NOTE =
  'The paper\u2019s headline figures come from fine-tuned warm models. Its own system-prompt ' +
  'ablation moved in the same direction but was smaller and less consistent.';

const isUnmodified = (context: string) => context === 'unmodified' || context === 'none';

/** Plain no-belief prompts with no interpersonal context: the paper's headline subset. */
export function isPaperBaseline(pair: PairObservation): boolean {
  return pair.belief === 'none' && !pair.isVariant && isUnmodified(pair.context);
}

const BASELINE = 'no context, no user belief';
const family = (f: Family, paperPp: number): PaperClaim => ({
  id: f,
  label: familyWithDataset(f),
  paperPp,
  subset: BASELINE,
  select: (pair) => pair.family === f && isPaperBaseline(pair),
});

export const PAPER_CLAIMS: readonly PaperClaim[] = [
  { id: 'overall', label: 'All tasks', paperPp: 7.43, subset: BASELINE, select: isPaperBaseline },
  family('medical', 8.6),
  family('misconception', 8.4),
  family('conspiracy', 5.4),
  family('factual', 4.9),
  {
    id: 'false-belief',
    label: 'False user belief',
    paperPp: 11,
    subset: 'prompts where the user states a false belief',
    select: isFalseBelief,
  },
];

function agreementOf(paperPp: number, yours: PairedEffect | null): Agreement {
  if (!yours) return 'not-in-design';
  if (yours.lowPp === null || yours.highPp === null) return 'inconclusive';
  const sign = Math.sign(paperPp);
  if (sign * yours.lowPp > 0 && sign * yours.highPp > 0) return 'agrees';
  if (sign * yours.lowPp < 0 && sign * yours.highPp < 0) return 'opposite';
  return 'inconclusive';
}

/** Each published claim beside the same subset of this design. */
export function compareWithPaperClaims(
  observations: readonly PairObservation[],
): PaperComparison[] {
  const effects = effectsOf(observations, PAPER_CLAIMS);
  return PAPER_CLAIMS.map((claim, index) => {
    const yours = effects[index] ?? null;
    const { id, label, paperPp, subset } = claim;
    return { id, label, paperPp, subset, yours, agreement: agreementOf(paperPp, yours) };
  });
}

export const AGREEMENT_TEXT: Readonly<Record<Agreement, string>> = {
  agrees: 'agrees (interval on the paper\u2019s side of 0)',
  inconclusive: 'inconclusive (interval includes 0)',
  opposite: 'opposite direction',
  'not-in-design': 'not in this design',
};
