/**
 * Comparing a result with Ibrahim, Hafner & Rocher (2026) like for like.
 *
 * Owns: the published figures and which subset of pairs each one is about (the subsets'
 * effects are worked out with the headline's in groupEffects.ts). The paper's +7.43 pp
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
import { FAMILIES } from '../types';
import type { Family } from '../types';
import { familyWithDataset } from '../families';
import type { GroupEffects, PairedEffect } from './groupEffects';
import { groupEffects } from './groupEffects';
import { columnsOfObservations } from './observationColumns';
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
  /** Those pairs: the paper's baseline (of one family, or all) or the false-belief prompts. */
  pairs: { kind: 'baseline'; family: Family | null } | { kind: 'false-belief' };
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

const BASELINE = 'no context, no user belief';
const family = (f: Family, paperPp: number): PaperClaim => ({
  id: f,
  label: familyWithDataset(f),
  paperPp,
  subset: BASELINE,
  pairs: { kind: 'baseline', family: f },
});

export const PAPER_CLAIMS: readonly PaperClaim[] = [
  {
    id: 'overall',
    label: 'All tasks',
    paperPp: 7.43,
    subset: BASELINE,
    pairs: { kind: 'baseline', family: null },
  },
  family('medical', 8.6),
  family('misconception', 8.4),
  family('conspiracy', 5.4),
  family('factual', 4.9),
  {
    id: 'false-belief',
    label: 'False user belief',
    paperPp: 11,
    subset: 'prompts where the user states a false belief',
    pairs: { kind: 'false-belief' },
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

function effectOf(claim: PaperClaim, effects: GroupEffects): PairedEffect | null {
  const { pairs } = claim;
  if (pairs.kind === 'false-belief') return effects.falseBelief;
  if (pairs.family === null) return effects.baseline;
  return effects.baselineByFamily[FAMILIES.indexOf(pairs.family)] ?? null;
}

/** Each published claim beside the same subset of this design. */
export function compareWithPaperClaims(
  observations: readonly PairObservation[],
): PaperComparison[] {
  return paperComparisonOf(groupEffects(columnsOfObservations(observations)));
}

/** The same from the subsets' effects (groupEffects.ts). */
export function paperComparisonOf(effects: GroupEffects): PaperComparison[] {
  return PAPER_CLAIMS.map((claim) => {
    const yours = effectOf(claim, effects);
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
