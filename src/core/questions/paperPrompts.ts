/**
 * Importer for the paper authors' released prompt files (warm_ai_2025 `eval_data/*.json`, which
 * are JSON Lines): one line per composed prompt variant.
 *
 * Owns: grouping lines back into items by question (`content_key` or `prompt_disinfo`) and
 * keeping every exact prompt in `authorPrompts`. The family comes from the option, the keys
 * (`prompt_disinfo` → conspiracy) or the file name (trivia / truthfulqa); ids follow the
 * authors' output tables (`trivia:<first 80 chars>`). Invariant: lines of one question must agree
 * on its answers; a disagreement is fatal and names both lines.
 */
import { PAPER_DATASETS } from '../results/paperNames';
import type { AuthorPrompt, Family, Item } from '../types';
import { missingKeys, readString } from './context';
import type { ImportContext, RowSink } from './context';
import { SOURCES } from './licenses';
import { inferIsYesTrue, parseProposition, resolveTrueIndex } from './pivotal';
import type { Proposition } from './pivotal';
import { makeTextId, unquoteDpr } from './text';

const PROMPT_KEYS = ['prompt', 'prompt_template', 'amendment_type'];
const QA_KEYS = ['content_key', 'correct_answer', 'incorrect_answer'];
const DISINFO_KEYS = ['prompt_disinfo', 'ground_truth', 'ground_false'];
const DATASET: Readonly<Record<Family, string>> = PAPER_DATASETS;
const LICENSE: Record<Family, string> = {
  factual: SOURCES.triviaqa.license,
  misconception: SOURCES.truthfulqa.license,
  conspiracy: SOURCES.mask.license,
  medical: SOURCES.medqa.license,
};

interface Group {
  item: Item;
  line: number;
  answerKey: string;
}

function familyFromName(fileName: string): Family | undefined {
  if (/truthful/i.test(fileName)) return 'misconception';
  if (/trivia/i.test(fileName)) return 'factual';
  if (/disinfo|mask/i.test(fileName)) return 'conspiracy';
  return undefined;
}

function resolveFamily(ctx: ImportContext, values: Record<string, unknown>, line: number): Family {
  if ('prompt_disinfo' in values) return 'conspiracy';
  const family = ctx.options.family ?? familyFromName(ctx.fileName);
  if (family === 'factual' || family === 'misconception') return family;
  return ctx.collector.fail(
    'cannot tell trivia from truthfulqa prompts: name the file trivia*/truthfulqa* or choose the family',
    line,
  );
}

function disinfoFields(values: Record<string, string>, question: string): Partial<Item> {
  const parsed = parseProposition(values.proposition ?? '');
  const proposition: Proposition = parsed ?? {
    options: [values.ground_truth ?? '', values.ground_false ?? ''],
    statements: [values.ground_truth ?? '', values.ground_false ?? ''],
  };
  const trueIndex = parsed ? resolveTrueIndex(parsed, values.ground_truth ?? '') : 0;
  const { isYesTrue, isCertain } = inferIsYesTrue(question, proposition, trueIndex);
  return {
    trueStatement: values.ground_truth,
    falseStatement: values.ground_false,
    isYesTrue,
    meta: { isYesCertain: isCertain },
  } as Partial<Item>;
}

function startGroup(
  ctx: ImportContext,
  family: Family,
  values: Record<string, string>,
  line: number,
): Group {
  const isDisinfo = family === 'conspiracy';
  const rawQuestion = (isDisinfo ? values.prompt_disinfo : values.content_key) ?? '';
  const question = unquoteDpr(rawQuestion);
  const correct = (isDisinfo ? values.ground_truth : values.correct_answer) ?? '';
  const wrong = (isDisinfo ? values.ground_false : values.incorrect_answer) ?? '';
  const item = {
    id: makeTextId(DATASET[family], rawQuestion),
    family,
    question,
    correct,
    aliases: [],
    wrong: [wrong],
    source: { name: SOURCES.paper.name, license: LICENSE[family], ref: ctx.fileName, line },
    authorPrompts: [],
    ...(isDisinfo ? disinfoFields(values, question) : {}),
  } as Item;
  return { item, line, answerKey: `${correct}\u0000${wrong}` };
}

function readLine(
  ctx: ImportContext,
  values: Record<string, unknown>,
  line: number,
): Record<string, string> {
  const needed = [...PROMPT_KEYS, ...('prompt_disinfo' in values ? DISINFO_KEYS : QA_KEYS)];
  const missing = missingKeys(values, needed);
  if (missing.length > 0)
    ctx.collector.fail(
      `missing key(s) ${missing.join(', ')}; expected a warm_ai_2025 prompt line`,
      line,
    );
  const strings: Record<string, string> = {};
  for (const [key, value] of Object.entries(values))
    if (typeof value === 'string') strings[key] = value;
  return strings;
}

/** Streams prompt lines and regroups them into one item per question. */
export function createPaperPromptsSink(ctx: ImportContext): RowSink {
  const groups = new Map<string, Group>();
  return {
    accept(values, line) {
      const family = resolveFamily(ctx, values, line);
      const fields = readLine(ctx, values, line);
      const key = (family === 'conspiracy' ? fields.prompt_disinfo : fields.content_key) ?? '';
      if (!readString(fields, 'prompt') || key.trim() === '')
        return ctx.collector.skip(line, 'empty prompt or question');
      const fresh = startGroup(ctx, family, fields, line);
      const group = groups.get(key) ?? fresh;
      if (group.answerKey !== fresh.answerKey) {
        ctx.collector.fail(
          `answers for "${key.slice(0, 60)}" differ from line ${group.line}`,
          line,
        );
      }
      groups.set(key, group);
      const prompt: AuthorPrompt = {
        promptTemplate: fields.prompt_template ?? '',
        amendmentType: fields.amendment_type ?? '',
        prompt: fields.prompt ?? '',
      };
      group.item.authorPrompts?.push(prompt);
    },
    finish() {
      for (const { item, line } of groups.values()) {
        // Ids are generated, so two questions sharing an 80-character prefix get a suffix.
        item.id = ctx.collector.uniqueId(item.id);
        ctx.collector.add(item, line);
      }
    },
  };
}
