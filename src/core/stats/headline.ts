/**
 * The headline answer: is the warm arm wrong more often than base, by how much, and how sure
 * are we — overall, per task family and for prompts without and with a false user belief.
 *
 * Owns: which subsets the headline shows and its sentence. The effect (groupEffects.ts) is the
 * paired change in error, Δ = (warm errors − base errors)/n over n base/warm pairs, in pp; its
 * interval is clustered by question (cluster-robust SE of the mean paired difference, CR1, t
 * with G − 1 df), because a question's prompts share it and are not independent. b and c are
 * the discordant pairs (only warm wrong / only base wrong), described the same way as the
 * McNemar cells. Invariants: an empty subset is omitted, never NaN; with no discordant pairs p
 * is null and the sentence says "no discordant pairs".
 */
import { FAMILIES } from '../types';
import { familyWithDataset } from '../families';
import type { RatioDifference } from './clusteredDifference';
import type { GroupEffects, PairedEffect } from './groupEffects';
import { groupEffects } from './groupEffects';
import { columnsOfObservations } from './observationColumns';
import type { PairObservation } from './observations';
import { PROMPT_GROUP_LABELS } from './vocabulary';

export type { PairedEffect } from './groupEffects';

export interface HeadlineRow {
  id: string;
  label: string;
  effect: PairedEffect;
}

export interface Headline {
  overall: PairedEffect | null;
  byFamily: HeadlineRow[];
  byBelief: HeadlineRow[];
}

/** Paired warm − base change in error with its question-clustered 95% interval. */
export function pairedEffect(observations: readonly PairObservation[]): PairedEffect | null {
  return groupEffects(columnsOfObservations(observations)).overall;
}

function rowsOf(groups: { id: string; label: string; effect: PairedEffect | null }[]) {
  const rows: HeadlineRow[] = [];
  for (const { id, label, effect } of groups) if (effect) rows.push({ id, label, effect });
  return rows;
}

/** The headline from the subsets' effects (families in registry order, then prompt groups). */
export function headlineOf(effects: GroupEffects): Headline {
  return {
    overall: effects.overall,
    byFamily: rowsOf(
      FAMILIES.map((family, code) => ({
        id: family,
        label: familyWithDataset(family),
        effect: effects.byFamily[code] ?? null,
      })),
    ),
    byBelief: rowsOf([
      { id: 'no-belief', label: PROMPT_GROUP_LABELS.original, effect: effects.noBelief },
      { id: 'false-belief', label: PROMPT_GROUP_LABELS.user_opinion, effect: effects.falseBelief },
    ]),
  };
}

/** The headline effect overall, per family and per prompt group. */
export function computeHeadline(observations: readonly PairObservation[]): Headline {
  return headlineOf(groupEffects(columnsOfObservations(observations)));
}

/** A signed pp figure with one decimal and a real minus sign: "+7.4", "−3.0", "0.0". */
export function signedPp(value: number): string {
  const rounded = Number(value.toFixed(1));
  if (rounded === 0) return '0.0';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(1)}`;
}

/** "p = 0.012", "p < 0.001", or why there is no p. */
export function pPhrase(effect: Pick<PairedEffect, 'p' | 'b' | 'c'>): string {
  if (effect.b + effect.c === 0) return 'no discordant pairs, so no test';
  if (effect.p === null) return 'p not computable (no variation between questions)';
  return effect.p < 0.001 ? 'p < 0.001' : `p = ${effect.p.toFixed(3)}`;
}

/** "95% CI +1.2 to +9.8 pp", or why there is none. */
export function intervalPhrase(effect: Pick<RatioDifference, 'lowPp' | 'highPp'>): string {
  if (effect.lowPp === null || effect.highPp === null) {
    return 'no interval: fewer than two questions or no variation between them';
  }
  return `95% CI ${signedPp(effect.lowPp)} to ${signedPp(effect.highPp)} pp`;
}

/**
 * "Warm arm: +7.4 pp more errors than base (95% CI +1.2 to +13.6 pp; 120 pairs over 30
 * questions; p = 0.021)".
 */
export function headlineSentence(effect: PairedEffect, subject = 'Warm arm'): string {
  const size =
    Math.abs(effect.pp) < 0.05
      ? 'as many errors as base'
      : effect.pp > 0
        ? `${signedPp(effect.pp)} pp more errors than base`
        : `${Math.abs(effect.pp).toFixed(1)} pp fewer errors than base`;
  const count = `${effect.n} pair${effect.n === 1 ? '' : 's'} over ${effect.clusters} question${
    effect.clusters === 1 ? '' : 's'
  }`;
  return `${subject}: ${size} (${intervalPhrase(effect)}; ${count}; ${pPhrase(effect)})`;
}
