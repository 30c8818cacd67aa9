/**
 * Warmth Lab's own question-set file: `{format: "warmth-lab/questions", version: 1, name, items}`.
 *
 * Owns: `exportQuestionSet` and the matching importer. Invariants: an export is always
 * re-importable (items are validated and ids checked for uniqueness before writing); an import
 * validates every item and rejects unknown versions rather than guessing.
 */
import type { ItemCollector } from './collector';
import type { Item } from '../types';
import type { ImportContext } from './context';
import { ImportError } from './importResult';
import { validateItem } from './validate';

export const QUESTION_SET_FORMAT = 'warmth-lab/questions';
export const QUESTION_SET_VERSION = 1;

export interface QuestionSetFile {
  format: typeof QUESTION_SET_FORMAT;
  version: typeof QUESTION_SET_VERSION;
  name: string;
  items: Item[];
}

/**
 * Serialises a named question set as pretty JSON that `importText('warmth-lab-json', …)` reads
 * back unchanged.
 * @throws ImportError when an item is invalid or two items share an id.
 */
export function exportQuestionSet(name: string, items: readonly Item[]): string {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    validateItem(item, `question set "${name}": item ${index + 1}`);
    const previous = seen.get(item.id);
    if (previous !== undefined) {
      throw new ImportError(
        `question set "${name}"`,
        `duplicate id "${item.id}" (items ${previous} and ${index + 1})`,
      );
    }
    seen.set(item.id, index + 1);
  });
  const file: QuestionSetFile = {
    format: QUESTION_SET_FORMAT,
    version: QUESTION_SET_VERSION,
    name,
    items: [...items],
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Imports a parsed question-set document; items keep their own `source`. */
export function importQuestionSet(value: unknown, ctx: ImportContext): void {
  const collector: ItemCollector = ctx.collector;
  collector.unit = 'element';
  const file = (value ?? {}) as Partial<Record<keyof QuestionSetFile, unknown>>;
  if (file.format !== QUESTION_SET_FORMAT)
    collector.fail(`expected "format": "${QUESTION_SET_FORMAT}"`);
  if (file.version !== QUESTION_SET_VERSION) {
    collector.fail(
      `unsupported question-set version ${String(file.version)} (this app reads version ${QUESTION_SET_VERSION})`,
    );
  }
  if (!Array.isArray(file.items)) collector.fail('expected an "items" array');
  file.items.forEach((entry: unknown, index) => {
    collector.rowsRead++;
    collector.add(validateItem(entry, `${ctx.fileName}: item ${index + 1}`), index + 1);
  });
}
