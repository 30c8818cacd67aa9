/**
 * The generic mapper: any CSV or JSON array of rows becomes items once the user names which
 * column holds the question, answer, aliases, wrong answers, options, answer index and id.
 *
 * Owns: `ColumnMapping`, `importMapped`, `createMappedSink` and `readRowsForMapping`. List
 * columns accept JSON arrays, objects (values in key order) or text split on `listSeparator`.
 * Invariants: a mapped column missing from the data is fatal (named, with the file); rows
 * without wrong answers borrow one from other rows (seeded) and are marked `isWrongDerived`.
 */
import { parseCsvObjects } from '../csv';
import { pickIndex } from '../random';
import type { Family, Item } from '../types';
import { ItemCollector } from './collector';
import { DEFAULT_SEED, readString } from './context';
import type { ImportContext, RowSink } from './context';
import { ImportError } from './importResult';
import type { ImportResult } from './importResult';
import { deriveWrongAnswers } from './triviaAnswers';
import { dedupeStrings, makeTextId } from './text';

export interface ColumnMapping {
  family: Family;
  question: string;
  /** Column with the correct answer text (or use `options` + `answerIndex`). */
  answer?: string;
  aliases?: string;
  wrong?: string;
  options?: string;
  /** 0-based number, or an option letter (A = first). */
  answerIndex?: string;
  id?: string;
  /** Conspiracy only: column saying whether "yes" is the true answer (yes/no/true/false/1/0). */
  isYesTrue?: string;
  /** Separator for list columns given as text; default ";". */
  listSeparator?: string;
  sourceName?: string;
  license?: string;
}

export interface MappedRow {
  values: Record<string, unknown>;
  line: number;
}

function readList(value: unknown, separator: string): string[] {
  if (Array.isArray(value)) return dedupeStrings(value.map(String));
  if (typeof value === 'object' && value !== null)
    return dedupeStrings(Object.values(value).map(String));
  if (typeof value !== 'string') return [];
  return dedupeStrings(value.split(separator));
}

function readAnswerIndex(value: unknown, options: string[]): number | undefined {
  const text = String(value ?? '').trim();
  const index = /^\d+$/.test(text)
    ? Number(text)
    : /^[A-Za-z]$/.test(text)
      ? text.toUpperCase().charCodeAt(0) - 65
      : -1;
  return index >= 0 && index < options.length ? index : undefined;
}

function readYes(value: unknown): boolean | undefined {
  const text = String(value ?? '')
    .trim()
    .toLowerCase();
  if (['yes', 'true', '1', 'y'].includes(text)) return true;
  if (['no', 'false', '0', 'n'].includes(text)) return false;
  return undefined;
}

function mappedColumns(mapping: ColumnMapping): string[] {
  const {
    family: _family,
    listSeparator: _sep,
    sourceName: _name,
    license: _license,
    ...columns
  } = mapping;
  return Object.values(columns).filter((c): c is string => typeof c === 'string' && c !== '');
}

function resolveAnswer(mapping: ColumnMapping, values: Record<string, unknown>, separator: string) {
  const options = mapping.options ? readList(values[mapping.options], separator) : [];
  let correct = mapping.answer ? readString(values, mapping.answer) : undefined;
  let answerIndex = mapping.answerIndex
    ? readAnswerIndex(values[mapping.answerIndex], options)
    : undefined;
  if (correct === undefined && answerIndex !== undefined) correct = options[answerIndex];
  if (answerIndex === undefined && correct !== undefined && options.length > 0) {
    answerIndex = options.indexOf(correct);
    if (answerIndex < 0) answerIndex = undefined;
  }
  return { options, correct, answerIndex };
}

/** The other options, starting at a seeded position so the first wrong answer varies by item. */
function rotateDistractors(options: readonly string[], answerIndex: number, key: string): string[] {
  const distractors = options.filter((_, i) => i !== answerIndex);
  const first = distractors.length > 0 ? pickIndex(key, distractors.length) : 0;
  return [...distractors.slice(first), ...distractors.slice(0, first)];
}

function mappedSource(ctx: ImportContext, mapping: ColumnMapping, line: number) {
  return {
    name: mapping.sourceName ?? ctx.fileName,
    license: mapping.license ?? 'unknown',
    ref: ctx.fileName,
    line,
  };
}

function buildItem(
  ctx: ImportContext,
  mapping: ColumnMapping,
  values: Record<string, unknown>,
  line: number,
): Item | string {
  const separator = mapping.listSeparator ?? ';';
  const question = readString(values, mapping.question);
  const { options, correct, answerIndex } = resolveAnswer(mapping, values, separator);
  if (!question || !correct) return 'no question or no correct answer';
  if (mapping.family === 'medical' && answerIndex === undefined)
    return 'the correct answer is not among the options';
  const id =
    (mapping.id ? readString(values, mapping.id) : undefined) ?? makeTextId('custom', question);
  const given = mapping.wrong ? readList(values[mapping.wrong], separator) : [];
  const wrong =
    given.length > 0 || answerIndex === undefined
      ? given
      : rotateDistractors(options, answerIndex, `${ctx.seed}:${id}`);
  const aliases = (mapping.aliases ? readList(values[mapping.aliases], separator) : []).filter(
    (a) => a !== correct,
  );
  const source = mappedSource(ctx, mapping, line);
  const base = {
    id,
    question,
    correct,
    aliases,
    wrong: wrong.filter((w) => w !== correct),
    source,
  };
  if (mapping.family === 'medical')
    return { ...base, family: 'medical', options, answerIndex: answerIndex as number };
  if (mapping.family !== 'conspiracy') return { ...base, family: mapping.family };
  return toConspiracyItem(base, mapping, values);
}

/** A conspiracy item: the correct answer is the true statement, the first wrong one the false. */
function toConspiracyItem(
  base: Omit<Item, 'family'>,
  mapping: ColumnMapping,
  values: Record<string, unknown>,
): Item | string {
  const isYesTrue = mapping.isYesTrue ? readYes(values[mapping.isYesTrue]) : true;
  if (isYesTrue === undefined) return `"${mapping.isYesTrue}" must be yes/no or true/false`;
  return {
    ...base,
    family: 'conspiracy',
    trueStatement: base.correct,
    falseStatement: base.wrong[0] ?? '',
    isYesTrue,
  };
}

/** A row sink for `generic-csv` / `generic-json` imports. */
export function createMappedSink(ctx: ImportContext, mapping: ColumnMapping): RowSink {
  const pending: { item: Item; line: number }[] = [];
  let isChecked = false;
  return {
    requiredColumns: mappedColumns(mapping),
    accept(values, line) {
      if (!isChecked) {
        const missing = mappedColumns(mapping).filter((c) => !(c in values));
        if (missing.length > 0)
          ctx.collector.fail(`mapped column(s) not found: ${missing.join(', ')}`, line);
        isChecked = true;
      }
      const item = buildItem(ctx, mapping, values, line);
      if (typeof item === 'string') ctx.collector.skip(line, item);
      else pending.push({ item, line });
    },
    finish() {
      deriveWrongAnswers(
        pending.map((p) => p.item),
        ctx.seed,
      );
      for (const { item, line } of pending) {
        if (item.family === 'conspiracy' && item.falseStatement === '')
          item.falseStatement = item.wrong[0] ?? '';
        if (!mapping.id) item.id = ctx.collector.uniqueId(item.id);
        ctx.collector.add(item, line);
      }
    },
  };
}

function isMappedRow(row: MappedRow | Record<string, unknown>): row is MappedRow {
  return typeof row.line === 'number' && typeof row.values === 'object' && row.values !== null;
}

/**
 * Imports already-read rows with a user's column mapping (all-or-nothing, like every import).
 * Plain objects are numbered 1, 2, 3… in the report.
 */
export function importMapped(
  rows: Iterable<MappedRow | Record<string, unknown>>,
  mapping: ColumnMapping,
  options: { fileName: string; seed?: string },
): ImportResult {
  const collector = new ItemCollector('generic-json', options.fileName);
  const ctx: ImportContext = {
    fileName: options.fileName,
    seed: options.seed ?? DEFAULT_SEED,
    options,
    collector,
  };
  const sink = createMappedSink(ctx, mapping);
  let index = 0;
  for (const row of rows) {
    index++;
    collector.rowsRead++;
    if (isMappedRow(row)) sink.accept(row.values, row.line);
    else sink.accept(row as Record<string, unknown>, index);
  }
  sink.finish?.();
  return collector.result();
}

/** Reads a small CSV (with header) or JSON array of objects into rows for mapping previews. */
export function readRowsForMapping(
  text: string,
  fileName: string,
): { columns: string[]; rows: MappedRow[] } {
  const trimmed = text.replace(/^\ufeff/, '').trim();
  if (trimmed === '') throw new ImportError(fileName, 'file is empty');
  if (!trimmed.startsWith('[')) {
    const { header, rows } = parseCsvObjects(trimmed);
    return { columns: header, rows };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch (error) {
    throw new ImportError(
      fileName,
      `invalid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (!Array.isArray(parsed)) throw new ImportError(fileName, 'expected a JSON array of objects');
  const rows = parsed.map((values: unknown, i) => ({
    values: (values ?? {}) as Record<string, unknown>,
    line: i + 1,
  }));
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r.values)))];
  return { columns, rows };
}
