/**
 * `compose`: prints the prompt a built-in item gets under one framing condition.
 *
 * Owns: flag parsing and error reporting for the command; the prompt itself comes from
 * core/framing so the CLI and the app can never disagree. Exit codes follow args.ts: an unknown
 * item id is bad input (1); a bad context, belief or variant is a usage error (2).
 */
import { InputError, UsageError, assertKnownFlags, getFlag, parseArgs } from '../args';
import type { CliIo } from '../io';
import { BELIEFS, CONTEXTS, VARIANT_COUNT, composePrompt } from '../../core/framing';
import { getBankItem } from '../../core/questions/bank';
import type { BeliefId, Condition, ContextId } from '../../core/types';

const BOOLEAN_FLAGS = ['hedged', 'lead-in', 'options', 'json'] as const;
const KNOWN_FLAGS = ['item', 'context', 'belief', 'variant', ...BOOLEAN_FLAGS];
const CONTEXT_IDS = CONTEXTS.map((context) => context.id);
const BELIEF_IDS = BELIEFS.map((belief) => belief.id);

function parseVariant(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const variant = Number(raw);
  if (!/^\d+$/.test(raw) || variant >= VARIANT_COUNT) {
    throw new UsageError(
      `--variant must be an integer from 0 to ${VARIANT_COUNT - 1} (got "${raw}")`,
    );
  }
  return variant;
}

/** Runs `compose --item ID [--context C] [--belief B] [--variant N] [--hedged] [--lead-in] [--options] [--json]`. */
export async function run(argv: string[], io: CliIo): Promise<void> {
  const args = parseArgs(argv, BOOLEAN_FLAGS);
  assertKnownFlags(args, KNOWN_FLAGS);
  if (args.positional.length > 0) {
    throw new UsageError(`unexpected argument "${args.positional[0]}"; use --item ID`);
  }
  const itemId = getFlag(args, 'item');
  if (itemId === undefined) throw new UsageError('--item ID is required');
  const condition: Condition = {
    context: (getFlag(args, 'context', CONTEXT_IDS) ?? 'none') as ContextId,
    belief: (getFlag(args, 'belief', BELIEF_IDS) ?? 'none') as BeliefId,
    isHedged: args.flags.has('hedged'),
    hasLeadIn: args.flags.has('lead-in'),
  };
  const variant = parseVariant(getFlag(args, 'variant'));
  const item = getBankItem(itemId);
  if (!item) throw new InputError(`no item with id "${itemId}" in the built-in bank`);
  const prompt = composePrompt(item, condition, {
    variant,
    isShowingOptions: args.flags.has('options'),
  });
  io.stdout(args.flags.has('json') ? JSON.stringify(prompt, null, 2) : prompt.text);
}
