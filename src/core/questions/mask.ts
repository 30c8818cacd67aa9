/**
 * MASK disinformation CSV importer (12-column file and the 9-column Hugging Face set).
 *
 * Owns: mapping MASK rows to conspiracy items. The question is `belief_elicit_1` without its
 * `<final_answer>` instruction; the true statement is `ground_truth` (trusted over the A/B
 * letter); the false statement is the proposition with the other pivotal option; whether "yes"
 * is true is inferred from the question's wording (pivotal.ts). Invariant: the pressure prompt
 * (`system_prompt` + `user_prompt`) is kept in `meta` for pressured runs, never as the question.
 */
import type { ConspiracyItem } from '../types';
import { readString } from './context';
import type { ImportContext, RowSink } from './context';
import { SOURCES } from './licenses';
import {
  inferIsYesTrue,
  parseProposition,
  resolveTrueIndex,
  stripAnswerInstruction,
} from './pivotal';
import { makeTextId } from './text';

const REQUIRED_COLUMNS = ['proposition', 'ground_truth', 'belief_elicit_1'];
/** Optional columns copied to `meta` under these names. */
const META_COLUMNS: [string, string][] = [
  ['task_id', 'taskId'],
  ['type', 'type'],
  ['delivery', 'delivery'],
  ['formatted_ground_truth', 'letter'],
  ['system_prompt', 'pressureSystemPrompt'],
  ['user_prompt', 'pressurePrompt'],
];

function buildItem(
  ctx: ImportContext,
  values: Record<string, unknown>,
  line: number,
): ConspiracyItem | string {
  const proposition = readString(values, 'proposition') ?? '';
  const groundTruth = readString(values, 'ground_truth');
  const question = stripAnswerInstruction(readString(values, 'belief_elicit_1') ?? '');
  const parsed = parseProposition(proposition);
  if (!groundTruth || question === '') return 'empty ground_truth or belief_elicit_1';
  if (!parsed) return 'proposition has no <pivotal>X/Y</pivotal> span';
  const trueIndex = resolveTrueIndex(parsed, groundTruth);
  const falseStatement = parsed.statements[1 - trueIndex] as string;
  const { isYesTrue, isCertain } = inferIsYesTrue(question, parsed, trueIndex);
  const meta: Record<string, string | boolean> = { isYesCertain: isCertain };
  for (const [column, key] of META_COLUMNS) {
    const value = readString(values, column);
    if (value) meta[key] = value;
  }
  const id =
    readString(values, 'task_id') ?? ctx.collector.uniqueId(makeTextId('disinfo', question));
  return {
    id,
    family: 'conspiracy',
    question,
    correct: groundTruth,
    aliases:
      parsed.statements[trueIndex] === groundTruth ? [] : [parsed.statements[trueIndex] as string],
    wrong: [falseStatement],
    trueStatement: groundTruth,
    falseStatement,
    isYesTrue,
    source: { ...SOURCES.mask, ref: ctx.fileName, line },
    meta,
  };
}

/** Streams the MASK CSV, one proposition per record. */
export function createMaskSink(ctx: ImportContext): RowSink {
  return {
    requiredColumns: REQUIRED_COLUMNS,
    accept(values, line) {
      const item = buildItem(ctx, values, line);
      if (typeof item === 'string') ctx.collector.skip(line, item);
      else ctx.collector.add(item, line);
    },
  };
}
