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
