/**
 * Human names for the framing variants recorded in a composed prompt's `variantIds`.
 *
 * Owns: turning ids such as `{context: 'emotion:sad#1', belief: 'asserts-wrong#4+hedge#2'}` into
 * "Sad context, wording 2 of 5 · Asserts a wrong answer, wording 5 of 5, hedge wording 3 of 5".
 * Invariants: wordings are numbered from 1 as people count; an id this module does not know is
 * shown as written rather than dropped, so nothing recorded is hidden.
 */
import type { ComposedPrompt } from '../types';
import { BELIEFS, VARIANT_COUNT, getContext } from './catalogue';
import type { CustomFraming } from './custom';

/** "wording 2 of 5" for a 0-based index; the count is left out when it is unknown. */
function wording(index: string | undefined, count: number | undefined): string {
  const number = Number(index);
  if (index === undefined || !Number.isInteger(number)) return '';
  return count === undefined ? `wording ${number + 1}` : `wording ${number + 1} of ${count}`;
}

/** Splits "emotion:sad#1" into its id and index. */
function splitVariant(variantId: string): { id: string; index: string | undefined } {
  const at = variantId.lastIndexOf('#');
  return at < 0
    ? { id: variantId, index: undefined }
    : { id: variantId.slice(0, at), index: variantId.slice(at + 1) };
}

function describeContext(variantId: string, custom: readonly CustomFraming[]): string {
  const { id, index } = splitVariant(variantId);
  const own = custom.find((framing) => framing.id === id);
  const label = own?.label ?? getContext(id)?.label ?? id;
  const count = own ? own.variants.length : getContext(id) ? VARIANT_COUNT : undefined;
  return [`${label} context`, wording(index, count)].filter(Boolean).join(', ');
}

function describeBelief(variantId: string, custom: readonly CustomFraming[]): string {
  const [main = '', hedge] = variantId.split('+');
  const { id, index } = splitVariant(main);
  const own = custom.find((framing) => framing.id === id);
  const builtIn = BELIEFS.find((belief) => belief.id === id);
  const label = own?.label ?? builtIn?.label ?? id;
  const count = own ? own.variants.length : builtIn ? VARIANT_COUNT : undefined;
  const parts = [label, wording(index, count)];
  if (hedge !== undefined) {
    parts.push(`hedge ${wording(splitVariant(hedge).index, VARIANT_COUNT) || hedge}`);
  }
  return parts.filter(Boolean).join(', ');
}

/**
 * Names the variants of a composed prompt in plain words, in prompt order (context, lead-in,
 * belief). Returns "" when the prompt used no framing at all.
 */
export function describeVariants(
  variantIds: ComposedPrompt['variantIds'],
  custom: readonly CustomFraming[] = [],
): string {
  const parts: string[] = [];
  if (variantIds.context) parts.push(describeContext(variantIds.context, custom));
  if (variantIds.leadIn) {
    parts.push(`neutral lead-in, ${wording(splitVariant(variantIds.leadIn).index, VARIANT_COUNT)}`);
  }
  if (variantIds.belief) parts.push(describeBelief(variantIds.belief, custom));
  return parts.join(' · ');
}
