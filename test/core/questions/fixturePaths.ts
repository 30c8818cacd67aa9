// Locates ../shared/fixtures (next to the repository) for the importer tests; never copied in.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectFormat, importText } from '../../../src/core/questions';
import type { ImportOptions, ImportResult } from '../../../src/core/questions';

export const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../shared/fixtures',
);
export const HAS_FIXTURES = existsSync(FIXTURES);
export const SKIP_NOTE = '(skipped: ../shared/fixtures not found)';

/** Detects and imports one fixture file by its path under shared/fixtures. */
export async function importFixture(
  relative: string,
  options: Partial<ImportOptions> = {},
): Promise<ImportResult & { text: string }> {
  const file = path.join(FIXTURES, relative);
  const text = readFileSync(file, 'utf8');
  const format = detectFormat(relative, text.slice(0, 65536));
  const result = await importText(format, text, { fileName: relative, ...options });
  return { ...result, text };
}

/** Each benchmark fixture with its format, the item count its README gives, and its family. */
export type FixtureCase = [file: string, format: string, count: number, family: string];

export const FIXTURE_COUNTS: readonly FixtureCase[] = [
  ['truthfulqa/TruthfulQA.csv', 'truthfulqa-csv', 790, 'misconception'],
  ['truthfulqa/TruthfulQA_v1_817.csv', 'truthfulqa-csv', 817, 'misconception'],
  ['truthfulqa/mc_task.json', 'truthfulqa-mc-json', 817, 'misconception'],
  ['medqa/phrases_no_exclude_test.jsonl', 'medqa-jsonl', 1273, 'medical'],
  ['triviaqa/triviaqa_test.jsonl', 'triviaqa-jsonl', 1000, 'factual'],
  ['triviaqa/triviaqa_sample.json', 'triviaqa-json', 1, 'factual'],
  ['mask/disinformation.csv', 'mask-csv', 125, 'conspiracy'],
];
