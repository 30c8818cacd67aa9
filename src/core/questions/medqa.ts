/**
 * MedQA JSON Lines importer (USMLE, 4- or 5-option).
 *
 * Owns: mapping `{question, answer, options, answer_idx, meta_info}` to medical items. Options
 * keep letter order (A, B, C…); `answerIndex` comes from `answer_idx` and must point at the
 * `answer` text, else the row is skipped with the reason. `wrong` is every distractor, with a
 * seeded, per-item pick first (same seed → same `wrong[0]`). Invariant: `meta_info` is kept
 * verbatim as `meta.examStep`, typos such as "stfep2&3" included.
 */
import type { MedicalItem } from '../types';
import { pickIndex } from '../random';
import { missingKeys, readString } from './context';
import type { ImportContext, RowSink } from './context';
import { rewriteFirstPerson } from './firstPerson';
import { SOURCES } from './licenses';
import { makeReadableId } from './text';

const REQUIRED_KEYS = ['question', 'answer', 'options'];

/** Option texts in letter order, or undefined when `options` is not a letter→text map/list. */
function readOptions(options: unknown): { letters: string[]; texts: string[] } | undefined {
  if (Array.isArray(options)) {
    if (!options.every((o) => typeof o === 'string')) return undefined;
    return {
      letters: options.map((_, i) => String.fromCharCode(65 + i)),
      texts: options.map((o: string) => o.trim()),
    };
  }
  if (typeof options !== 'object' || options === null) return undefined;
  const entries = Object.entries(options).sort(([a], [b]) => a.localeCompare(b));
  if (!entries.every(([, text]) => typeof text === 'string')) return undefined;
  return { letters: entries.map(([l]) => l), texts: entries.map(([, t]) => (t as string).trim()) };
}

/** Distractors with a seeded per-item pick moved to the front. */
function orderWrong(texts: string[], answerIndex: number, key: string): string[] {
  const distractors = texts.filter((_, i) => i !== answerIndex);
  const first = pickIndex(key, distractors.length);
  return [distractors[first] as string, ...distractors.filter((_, i) => i !== first)];
}

function buildItem(
  ctx: ImportContext,
  values: Record<string, unknown>,
  line: number,
): MedicalItem | string {
  const question = readString(values, 'question');
  const answer = readString(values, 'answer');
  const parsed = readOptions(values.options);
  if (!question || !answer) return 'empty question or answer';
  if (!parsed || parsed.texts.length < 2)
    return 'options must map at least two letters to answer texts';
  const letter = readString(values, 'answer_idx');
  const answerIndex = letter ? parsed.letters.indexOf(letter) : parsed.texts.indexOf(answer);
  if (answerIndex < 0)
    return letter
      ? `answer_idx "${letter}" is not an option letter`
      : 'answer is not among the options';
  if (parsed.texts[answerIndex] !== answer)
    return `answer text differs from option ${parsed.letters[answerIndex]}`;
  if (parsed.texts.some((t) => t === '')) return 'an option is empty';
  const id = ctx.collector.uniqueId(makeReadableId('medqa', question));
  const rewritten = ctx.options.isFirstPerson ? rewriteFirstPerson(question) : undefined;
  const meta: Record<string, string | boolean> = {
    answerLetter: parsed.letters[answerIndex] as string,
  };
  const step = readString(values, 'meta_info');
  if (step) meta.examStep = step;
  if (rewritten) meta.isFirstPerson = true;
  return {
    id,
    family: 'medical',
    question: rewritten ?? question,
    correct: answer,
    aliases: [],
    wrong: orderWrong(parsed.texts, answerIndex, `${ctx.seed}:${id}`),
    options: parsed.texts,
    answerIndex,
    source: { ...SOURCES.medqa, ref: ctx.fileName, line },
    meta,
  };
}

/** Streams MedQA JSON Lines, one vignette per line. */
export function createMedQaSink(ctx: ImportContext): RowSink {
  return {
    accept(values, line) {
      const missing = missingKeys(values, REQUIRED_KEYS);
      if (missing.length > 0)
        ctx.collector.fail(`missing key(s) ${missing.join(', ')}; expected a MedQA record`, line);
      const item = buildItem(ctx, values, line);
      if (typeof item === 'string') ctx.collector.skip(line, item);
      else ctx.collector.add(item, line);
    },
  };
}
