/**
 * `inspect FILE [--json] [--family F] [--first-person]`: detect a question file's format, stream
 * it through the importer and print items per family plus the validation report.
 *
 * Owns: the command's output contract. `--json` prints exactly `{format, items, byFamily,
 * skipped}` (`items` is a count). Long results tables are recognised and summarised as distinct
 * items per dataset. Any import problem becomes an InputError (exit 1, one line); bad options
 * are a UsageError (exit 2).
 */
import { FAMILIES } from '../../core/types';
import type { Family } from '../../core/types';
import {
  countByFamily,
  detectFormat,
  DETECT_HEAD_CHARS,
  importChunks,
  ImportError,
  summarizeResultsChunks,
} from '../../core/questions';
import type { FormatId, SkippedRow } from '../../core/questions';
import { assertKnownFlags, getFlag, InputError, parseArgs, UsageError } from '../args';
import type { CliIo } from '../io';

const MAX_SKIPS_SHOWN = 20;

interface InspectSummary {
  format: FormatId;
  items: number;
  byFamily: Record<Family, number>;
  skipped: SkippedRow[];
  rowsRead: number;
  byDataset?: Record<string, number>;
}

/** Reads chunks until `DETECT_HEAD_CHARS` are buffered, then replays them before the rest. */
async function peek(
  chunks: AsyncIterable<string>,
): Promise<{ head: string; all: AsyncIterable<string> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const buffered: string[] = [];
  let length = 0;
  let isDone = false;
  while (length < DETECT_HEAD_CHARS) {
    const next = await iterator.next();
    if (next.done) {
      isDone = true;
      break;
    }
    buffered.push(next.value);
    length += next.value.length;
  }
  async function* all(): AsyncIterable<string> {
    yield* buffered;
    if (isDone) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next())
      yield next.value;
  }
  return { head: buffered.join('').slice(0, DETECT_HEAD_CHARS), all: all() };
}

async function summarise(
  file: string,
  io: CliIo,
  family: Family | undefined,
  isFirstPerson: boolean,
): Promise<InspectSummary> {
  const { head, all } = await peek(io.readChunks(file));
  const format = detectFormat(file, head);
  if (format === 'results-long-csv') {
    const summary = await summarizeResultsChunks(all, { fileName: file });
    return { ...summary, format };
  }
  const { items, report } = await importChunks(format, all, {
    fileName: file,
    family,
    isFirstPerson,
  });
  return {
    format,
    items: items.length,
    byFamily: countByFamily(items),
    skipped: report.skipped,
    rowsRead: report.rowsRead,
  };
}

function formatHuman(file: string, summary: InspectSummary): string {
  const lines = [`${file}: ${summary.format}`, `rows read: ${summary.rowsRead}`];
  const isResults = summary.byDataset !== undefined;
  lines.push(
    isResults
      ? `a results table, not a question file: ${summary.items} distinct items`
      : `items: ${summary.items}`,
  );
  for (const [dataset, count] of Object.entries(summary.byDataset ?? {}))
    lines.push(`  dataset ${dataset}: ${count}`);
  for (const family of FAMILIES) lines.push(`  ${family}: ${summary.byFamily[family]}`);
  lines.push(`skipped: ${summary.skipped.length}`);
  for (const skip of summary.skipped.slice(0, MAX_SKIPS_SHOWN))
    lines.push(`  line ${skip.line}: ${skip.reason}`);
  if (summary.skipped.length > MAX_SKIPS_SHOWN)
    lines.push(`  … and ${summary.skipped.length - MAX_SKIPS_SHOWN} more`);
  return lines.join('\n');
}

/** Runs `inspect`; see the module header for the contract. */
export async function run(argv: string[], io: CliIo): Promise<void> {
  const args = parseArgs(argv, ['json', 'first-person']);
  assertKnownFlags(args, ['json', 'family', 'first-person']);
  const [file, ...extra] = args.positional;
  if (!file || extra.length > 0) throw new UsageError('inspect needs exactly one FILE');
  const family = getFlag(args, 'family', FAMILIES) as Family | undefined;
  let summary: InspectSummary;
  try {
    summary = await summarise(file, io, family, args.flags.has('first-person'));
  } catch (error) {
    if (error instanceof ImportError) throw new InputError(error.message);
    throw error;
  }
  if (args.flags.has('json')) {
    const { format, items, byFamily, skipped } = summary;
    io.stdout(JSON.stringify({ format, items, byFamily, skipped }));
  } else {
    io.stdout(formatHuman(file, summary));
  }
}
