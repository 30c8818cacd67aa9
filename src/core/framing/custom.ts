/**
 * User-defined contexts and beliefs: their shape and validation.
 *
 * Owns: the `CustomFraming` type and the rules a stored or imported framing must pass before the
 * composer uses it. Storage lives elsewhere (framingsRepo). Invariants: ids are `custom:<slug>`;
 * every variant is non-empty and at most MAX_VARIANT_CHARS long; only belief variants may use
 * placeholders, and only `{wrong}` and `{correct}`.
 */

export type CustomFramingKind = 'context' | 'belief';

export interface CustomFraming {
  id: `custom:${string}`;
  kind: CustomFramingKind;
  label: string;
  /** Context: prefix sentences. Belief: sentences that may contain `{wrong}` / `{correct}`. */
  variants: string[];
}

export const MAX_VARIANT_CHARS = 500;
export const MAX_LABEL_CHARS = 80;
export const MAX_VARIANTS = 20;
export const BELIEF_PLACEHOLDERS: readonly string[] = ['{wrong}', '{correct}'];

const CUSTOM_ID = /^custom:[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PLACEHOLDER = /\{([^{}]*)\}/g;

/** Turns a label into the slug part of a custom id ("My Boss!" → "my-boss"). */
export function slugify(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function validateVariant(text: unknown, index: number, kind: CustomFramingKind): string[] {
  const where = `variant ${index + 1}`;
  if (typeof text !== 'string') return [`${where}: expected text, got ${typeof text}`];
  if (text.trim() === '') return [`${where}: text is empty`];
  const problems: string[] = [];
  if (text.length > MAX_VARIANT_CHARS) {
    problems.push(`${where}: ${text.length} characters, at most ${MAX_VARIANT_CHARS} allowed`);
  }
  for (const match of text.matchAll(PLACEHOLDER)) {
    const placeholder = match[0];
    if (kind === 'context') {
      problems.push(`${where}: contexts cannot use placeholders (found ${placeholder})`);
    } else if (!BELIEF_PLACEHOLDERS.includes(placeholder)) {
      problems.push(
        `${where}: unknown placeholder ${placeholder}; use ${BELIEF_PLACEHOLDERS.join(' or ')}`,
      );
    }
  }
  const withoutPlaceholders = text.replace(PLACEHOLDER, '');
  if (/[{}]/.test(withoutPlaceholders)) problems.push(`${where}: unbalanced { or }`);
  return problems;
}

function validateHeader(value: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const { id, kind, label } = value;
  if (typeof id !== 'string' || !CUSTOM_ID.test(id)) {
    problems.push(
      `id: expected "custom:<slug>" (lower-case letters, digits, hyphens), got ${JSON.stringify(id)}`,
    );
  }
  if (kind !== 'context' && kind !== 'belief') {
    problems.push(`kind: expected "context" or "belief", got ${JSON.stringify(kind)}`);
  }
  if (typeof label !== 'string' || label.trim() === '') problems.push('label: text is empty');
  else if (label.length > MAX_LABEL_CHARS) {
    problems.push(`label: ${label.length} characters, at most ${MAX_LABEL_CHARS} allowed`);
  }
  return problems;
}

/**
 * Checks a user-defined framing (typically just read from storage or a form) and returns every
 * problem found, each naming the field or variant; an empty list means it is valid.
 */
export function validateCustomFraming(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return ['expected an object with id, kind, label and variants'];
  }
  const record = value as Record<string, unknown>;
  const problems = validateHeader(record);
  const { variants, kind } = record;
  if (!Array.isArray(variants) || variants.length === 0) {
    problems.push('variants: expected at least one sentence');
    return problems;
  }
  if (variants.length > MAX_VARIANTS) {
    problems.push(`variants: ${variants.length} given, at most ${MAX_VARIANTS} allowed`);
  }
  const variantKind: CustomFramingKind = kind === 'belief' ? 'belief' : 'context';
  variants.forEach((text, index) => problems.push(...validateVariant(text, index, variantKind)));
  return problems;
}

/** Type guard over `validateCustomFraming`. */
export function isValidCustomFraming(value: unknown): value is CustomFraming {
  return validateCustomFraming(value).length === 0;
}
