/**
 * TriviaQA importers: the native `{Data: [...]}` JSON and the open-domain `{id, answers,
 * question}` JSON Lines.
 *
 * Owns: mapping TriviaQA questions to factual items. Native files give the canonical `Value`;
 * open-domain lists do not, so a display answer is chosen by `chooseDisplayAnswer`. TriviaQA has
 * no wrong answers: they are borrowed (seeded) from other items' answers, or, for a file with a
 * single question, from its linked entity pages or a shifted number. Invariants: DPR-style outer
 * quotes are stripped from questions and answers; every item leaves with `isWrongDerived: true`.
 */
import type { ItemCollector } from './collector';
import type { FactualItem } from '../types';
import { readString } from './context';
import type { ImportContext, RowSink } from './context';
import { SOURCES } from './licenses';
import { chooseDisplayAnswer, deriveWrongAnswers } from './triviaAnswers';
import { dedupeStrings, normalizeAnswer, unquoteDpr } from './text';

interface Pending {
  item: FactualItem;
  line: number;
  /** Stand-in wrong answers when no other item can lend one (entity page titles). */
  fallbacks: string[];
}

function makeItem(
  ctx: ImportContext,
  id: string,
  question: string,
  answers: string[],
  line: number,
): FactualItem {
  const correct = chooseDisplayAnswer(answers);
  return {
    id,
    family: 'factual',
    question,
    correct,
    aliases: answers.filter((a) => a !== correct),
    wrong: [],
    source: { ...SOURCES.triviaqa, ref: ctx.fileName, line },
  };
}

/** A number nudged so it is wrong but plausible ("1993" → "1994"). */
function shiftedNumber(answer: string): string | undefined {
  return /^\d+$/.test(answer) ? String(Number(answer) + 1) : undefined;
}

/** Derives wrong answers for all pending items and hands them to the collector. */
function finishPending(ctx: ImportContext, pending: Pending[]): void {
  const items = pending.map((p) => p.item);
  deriveWrongAnswers(items, ctx.seed);
  for (const { item, line, fallbacks } of pending) {
    if (item.wrong.length === 0) {
      const own = new Set([item.correct, ...item.aliases].map(normalizeAnswer));
      const stand = [...fallbacks, shiftedNumber(item.correct)].find(
        (f) => f && !own.has(normalizeAnswer(f)),
      );
      if (!stand)
        ctx.collector.fail(
          `cannot derive a wrong answer for "${item.id}": the file needs at least two questions`,
          line,
        );
      item.wrong = [stand];
      item.isWrongDerived = true;
    }
    ctx.collector.add(item, line);
  }
}

function readAnswers(value: unknown): string[] {
  return Array.isArray(value)
    ? dedupeStrings(value.filter((a) => typeof a === 'string').map(unquoteDpr))
    : [];
}

/** Streams open-domain JSON Lines; wrong answers are derived once every line is read. */
export function createTriviaJsonlSink(ctx: ImportContext): RowSink {
  const pending: Pending[] = [];
  return {
    accept(values, line) {
      const question = readString(values, 'question');
      const id = readString(values, 'id');
      if (!question || !id || !Array.isArray(values.answers)) {
        ctx.collector.fail(
          'expected {"id", "question", "answers": [...]} (TriviaQA open-domain JSON Lines)',
          line,
        );
      }
      const answers = readAnswers(values.answers);
      if (answers.length === 0) return ctx.collector.skip(line, 'no non-empty answers');
      const item = makeItem(ctx, id, unquoteDpr(question), answers, line);
      const questionId = values.question_id;
      if (typeof questionId === 'number') item.meta = { questionIndex: questionId };
      pending.push({ item, line, fallbacks: [] });
    },
    finish: () => finishPending(ctx, pending),
  };
}

function entityTitles(pages: unknown): string[] {
  if (!Array.isArray(pages)) return [];
  return pages
    .map((p: unknown) => readString((p ?? {}) as Record<string, unknown>, 'Title'))
    .filter((t): t is string => t !== undefined);
}

/** Imports the native TriviaQA document (`Data[i].Answer.Value` is the display answer). */
export function importTriviaNative(value: unknown, ctx: ImportContext): void {
  const collector: ItemCollector = ctx.collector;
  collector.unit = 'element';
  const data = (value as { Data?: unknown } | null)?.Data;
  if (!Array.isArray(data)) collector.fail('expected a TriviaQA object with a "Data" array');
  const pending: Pending[] = [];
  data.forEach((entry: unknown, index) => {
    const element = index + 1;
    collector.rowsRead++;
    const record = (entry ?? {}) as Record<string, unknown>;
    const answer = (record.Answer ?? {}) as Record<string, unknown>;
    const question = readString(record, 'Question');
    const id = readString(record, 'QuestionId');
    const display = readString(answer, 'Value');
    if (!question || !id)
      collector.fail('expected "Question" and "QuestionId" (TriviaQA Data entry)', element);
    if (!display) return collector.skip(element, 'Answer.Value is empty');
    const extra = [...readAnswers(answer.Aliases), ...readAnswers(answer.NormalizedAliases)];
    const item = makeItem(ctx, id, unquoteDpr(question), [display], element);
    item.aliases = dedupeStrings(extra).filter((a) => a !== display);
    item.meta = {
      answerType: readString(answer, 'Type') ?? 'unknown',
      questionSource: readString(record, 'QuestionSource') ?? '',
    };
    pending.push({ item, line: element, fallbacks: entityTitles(record.EntityPages) });
  });
  finishPending(ctx, pending);
}
