/**
 * TruthfulQA importers: the generation CSV (2025 8-column and v1 7-column) and mc_task.json.
 *
 * Owns: mapping TruthfulQA rows to misconception items. `correct` is the Best Answer (CSV) or the
 * single true MC1 option; `aliases` are the other true answers; `wrong` lists the false answers
 * with the Best Incorrect Answer (or the first false MC1 option) first. Invariant: answer lists
 * keep the file's order, so `wrong[0]` is the benchmark's own best false answer.
 */
import type { ItemCollector } from './collector';
import type { MisconceptionItem } from '../types';
import { readString } from './context';
import type { ImportContext, RowSink } from './context';
import { SOURCES } from './licenses';
import { dedupeStrings, makeTextId, splitAnswerList } from './text';

const REQUIRED_CSV_COLUMNS = ['Question', 'Best Answer', 'Correct Answers', 'Incorrect Answers'];

function makeItem(
  ctx: ImportContext,
  line: number,
  fields: { question: string; correct: string; aliases: string[]; wrong: string[] },
): MisconceptionItem {
  return {
    id: ctx.collector.uniqueId(makeTextId('truthfulqa', fields.question)),
    family: 'misconception',
    question: fields.question,
    correct: fields.correct,
    aliases: fields.aliases.filter((a) => a !== fields.correct),
    wrong: dedupeStrings(fields.wrong),
    source: { ...SOURCES.truthfulqa, ref: ctx.fileName, line },
  };
}

/** Streams the generation CSV; either header variant is accepted. */
export function createTruthfulQaCsvSink(ctx: ImportContext): RowSink {
  return {
    requiredColumns: REQUIRED_CSV_COLUMNS,
    accept(values, line) {
      const question = readString(values, 'Question');
      const best = readString(values, 'Best Answer');
      const bestWrong = readString(values, 'Best Incorrect Answer');
      const wrong = [
        ...(bestWrong ? [bestWrong] : []),
        ...splitAnswerList(String(values['Incorrect Answers'])),
      ];
      if (!question || !best) return ctx.collector.skip(line, 'empty Question or Best Answer');
      if (wrong.length === 0) return ctx.collector.skip(line, 'no Incorrect Answers');
      const aliases = splitAnswerList(String(values['Correct Answers']));
      const item = makeItem(ctx, line, { question, correct: best, aliases, wrong });
      const meta: Record<string, string> = {};
      for (const [key, column] of [
        ['type', 'Type'],
        ['category', 'Category'],
        ['sourceUrl', 'Source'],
      ]) {
        const value = readString(values, column as string);
        if (value) meta[key as string] = value;
      }
      if (Object.keys(meta).length > 0) item.meta = meta;
      ctx.collector.add(item, line);
    },
  };
}

/** Answer texts of a `{text: 0|1}` target map whose label is `label`, in key order. */
function targetsWithLabel(targets: unknown, label: number): string[] | undefined {
  if (typeof targets !== 'object' || targets === null || Array.isArray(targets)) return undefined;
  return Object.entries(targets)
    .filter(([, value]) => value === label)
    .map(([text]) => text.trim())
    .filter((text) => text !== '');
}

/** Imports the mc_task.json array (answer→label maps; key order is meaningful). */
export function importTruthfulQaMc(value: unknown, ctx: ImportContext): void {
  const collector: ItemCollector = ctx.collector;
  collector.unit = 'element';
  if (!Array.isArray(value))
    collector.fail('expected a JSON array of {question, mc1_targets, mc2_targets}');
  value.forEach((entry: unknown, index) => {
    const element = index + 1;
    collector.rowsRead++;
    const record = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<
      string,
      unknown
    >;
    const question = readString(record, 'question');
    const mc1True = targetsWithLabel(record.mc1_targets, 1);
    const mc1False = targetsWithLabel(record.mc1_targets, 0);
    if (!question || !mc1True || !mc1False) {
      collector.fail(
        'expected "question" and an "mc1_targets" object mapping answers to 0/1',
        element,
      );
    }
    const correct = mc1True[0];
    if (!correct || mc1False.length === 0) {
      return collector.skip(element, 'mc1_targets needs one true and at least one false answer');
    }
    const aliases = dedupeStrings(targetsWithLabel(record.mc2_targets, 1) ?? []);
    const wrong = [...mc1False, ...(targetsWithLabel(record.mc2_targets, 0) ?? [])];
    collector.add(makeItem(ctx, element, { question, correct, aliases, wrong }), element);
  });
}
