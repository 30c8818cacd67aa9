/**
 * The one entry point for importing question files: `importChunks` (streaming) and
 * `importText` (small inputs), dispatching on a `FormatId` from `detectFormat`.
 *
 * Owns: wiring streams to format sinks. CSV and JSON Lines formats are processed record by
 * record; whole-document JSON formats (mc_task.json, native TriviaQA, our question sets, generic
 * JSON arrays) are buffered up to `MAX_WHOLE_JSON_CHARS`. Invariant: all-or-nothing — any fatal
 * problem throws an `ImportError` and no partial result is returned.
 */
import { ItemCollector } from './collector';
import { DEFAULT_SEED } from './context';
import type { ImportContext, ImportOptions, RowSink } from './context';
import type { FormatId } from './formats';
import { ImportError } from './importResult';
import type { ImportResult } from './importResult';
import { createMaskSink } from './mask';
import { createMappedSink } from './mapped';
import { createMedQaSink } from './medqa';
import { createPaperPromptsSink } from './paperPrompts';
import { importQuestionSet } from './questionSet';
import { chunksOf, forEachCsvObject, forEachJsonLine, readWholeJson } from './stream';
import { createTriviaJsonlSink, importTriviaNative } from './triviaqa';
import { createTruthfulQaCsvSink, importTruthfulQaMc } from './truthfulqa';

type Streaming = { kind: 'csv' | 'jsonl'; sink: (ctx: ImportContext) => RowSink };
type Whole = { kind: 'json'; read: (value: unknown, ctx: ImportContext) => void };

function requireMapping(ctx: ImportContext): NonNullable<ImportOptions['mapping']> {
  const { mapping } = ctx.options;
  if (!mapping)
    throw new ImportError(
      ctx.fileName,
      'unrecognised columns: choose which column holds the question and answers (generic mapper)',
    );
  return mapping;
}

function importerFor(format: FormatId, fileName: string): Streaming | Whole {
  switch (format) {
    case 'truthfulqa-csv':
      return { kind: 'csv', sink: createTruthfulQaCsvSink };
    case 'mask-csv':
      return { kind: 'csv', sink: createMaskSink };
    case 'generic-csv':
      return { kind: 'csv', sink: (ctx) => createMappedSink(ctx, requireMapping(ctx)) };
    case 'medqa-jsonl':
      return { kind: 'jsonl', sink: createMedQaSink };
    case 'triviaqa-jsonl':
      return { kind: 'jsonl', sink: createTriviaJsonlSink };
    case 'paper-prompts-jsonl':
      return { kind: 'jsonl', sink: createPaperPromptsSink };
    case 'truthfulqa-mc-json':
      return { kind: 'json', read: importTruthfulQaMc };
    case 'triviaqa-json':
      return { kind: 'json', read: importTriviaNative };
    case 'warmth-lab-json':
      return { kind: 'json', read: importQuestionSet };
    case 'generic-json':
      return { kind: 'json', read: readGenericJson };
    case 'results-long-csv':
      throw new ImportError(
        fileName,
        'a results table (model outputs), not a question file; use summarizeResultsChunks',
      );
    default: {
      const unknown: never = format;
      throw new ImportError(fileName, `unknown format "${String(unknown)}"`);
    }
  }
}

function readGenericJson(value: unknown, ctx: ImportContext): void {
  const sink = createMappedSink(ctx, requireMapping(ctx));
  ctx.collector.unit = 'element';
  if (!Array.isArray(value)) ctx.collector.fail('expected a JSON array of row objects');
  value.forEach((row: unknown, index) => {
    ctx.collector.rowsRead++;
    if (typeof row !== 'object' || row === null || Array.isArray(row))
      ctx.collector.fail('expected an object', index + 1);
    sink.accept(row as Record<string, unknown>, index + 1);
  });
  sink.finish?.();
}

async function streamRows(
  importer: Streaming,
  chunks: AsyncIterable<string>,
  ctx: ImportContext,
): Promise<void> {
  const sink = importer.sink(ctx);
  const stream = { fileName: ctx.fileName, onProgress: ctx.options.onProgress };
  const accept = (values: Record<string, unknown>, line: number): void => {
    ctx.collector.rowsRead++;
    sink.accept(values, line);
  };
  if (importer.kind === 'csv') {
    await forEachCsvObject(chunks, stream, sink.requiredColumns ?? [], accept);
  } else {
    await forEachJsonLine(chunks, stream, (value, line) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        ctx.collector.fail('expected a JSON object on this line', line);
      }
      accept(value as Record<string, unknown>, line);
    });
  }
  sink.finish?.();
}

/**
 * Imports a question file from text chunks (any size for CSV / JSON Lines formats).
 * @param format From `detectFormat`, or chosen by the user.
 * @throws ImportError on any fatal problem (empty file, missing columns, truncated JSON,
 *   duplicate ids, unknown format); nothing partial is returned.
 */
export async function importChunks(
  format: FormatId,
  chunks: AsyncIterable<string>,
  options: ImportOptions,
): Promise<ImportResult> {
  const importer = importerFor(format, options.fileName);
  const collector = new ItemCollector(format, options.fileName);
  const ctx: ImportContext = {
    fileName: options.fileName,
    seed: options.seed ?? DEFAULT_SEED,
    options,
    collector,
  };
  if (importer.kind === 'json') {
    importer.read(
      await readWholeJson(chunks, { fileName: options.fileName, onProgress: options.onProgress }),
      ctx,
    );
  } else {
    await streamRows(importer, chunks, ctx);
  }
  if (collector.rowsRead === 0)
    throw new ImportError(options.fileName, 'no rows found (expected at least one question)');
  return collector.result();
}

/** `importChunks` for a string already in memory. */
export function importText(
  format: FormatId,
  text: string,
  options: ImportOptions,
): Promise<ImportResult> {
  return importChunks(format, chunksOf(text), options);
}
