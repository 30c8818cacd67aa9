/**
 * The custom-framing form: from what the user typed to a valid `CustomFraming`, or a list of
 * specific problems.
 *
 * Owns: turning a draft (kind, label, one variant per line) into a framing with a
 * `custom:<slug>` id, and sorting stored framings into usable and broken ones. Invariants: a
 * framing this returns passes the core's `validateCustomFraming`; a new framing never takes the
 * id of an existing one (editing keeps its id even when the label changes).
 */
import { slugify, validateCustomFraming } from './index';
import type { CustomFraming, CustomFramingKind } from './index';
import type { StoredFraming } from '../records';

export interface FramingDraft {
  kind: CustomFramingKind;
  label: string;
  /** One variant sentence per line; blank lines are ignored. */
  variantsText: string;
  /** The id of the framing being edited, or null for a new one. */
  editingId: string | null;
}

export type FramingOutcome =
  { isOk: true; framing: CustomFraming } | { isOk: false; problems: string[] };

/** The non-blank lines of the variants box, trimmed. */
export function parseVariants(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Validates a draft; `existingIds` are the ids already stored. */
export function buildFraming(draft: FramingDraft, existingIds: readonly string[]): FramingOutcome {
  const slug = slugify(draft.label);
  if (draft.editingId === null && draft.label.trim() !== '' && slug === '') {
    return {
      isOk: false,
      problems: ['label: needs at least one letter or digit (it becomes the framing id)'],
    };
  }
  const id = draft.editingId ?? `custom:${slug}`;
  const candidate = {
    id,
    kind: draft.kind,
    label: draft.label.trim(),
    variants: parseVariants(draft.variantsText),
  };
  const problems = validateCustomFraming(candidate);
  if (draft.editingId === null && existingIds.includes(id)) {
    problems.unshift(`label: a framing with the id "${id}" already exists; choose another label`);
  }
  if (problems.length > 0) return { isOk: false, problems };
  return { isOk: true, framing: candidate as CustomFraming };
}

/** Stored framings split into valid ones and one message per broken record. */
export function sortStoredFramings(stored: readonly StoredFraming[]): {
  framings: CustomFraming[];
  broken: string[];
} {
  const framings: CustomFraming[] = [];
  const broken: string[] = [];
  for (const record of stored) {
    const problems = validateCustomFraming(record);
    if (problems.length === 0) framings.push(record as CustomFraming);
    else broken.push(`Saved framing "${record.label || record.id}" is unusable: ${problems[0]}`);
  }
  return { framings, broken };
}
