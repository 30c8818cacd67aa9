/**
 * Plural forms for counts shown to people ("1 refusal detected", "3 refusals detected").
 *
 * Owns: choosing singular or plural wording for an English count. Invariant: the number is always
 * printed as given (no rounding), and a non-finite count is shown as written with the plural.
 */

/**
 * "1 pair", "2 pairs", "0 pairs". `plural` defaults to the singular plus "s"; pass it for
 * irregular words ("1 child", "2 children") or phrases ("1 refusal detected" needs
 * `plural('refusal detected', 'refusals detected')`).
 */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}

/** Thousands separators for large counts (1,422), plain digits below 10,000 stay readable too. */
function formatCount(count: number): string {
  return Number.isInteger(count) && Math.abs(count) >= 1000
    ? count.toLocaleString('en-GB')
    : String(count);
}

/**
 * Joins the parts that are present with " · ", so an absent part never leaves a dangling
 * separator ("12 pairs · devices: …", never "pairs· devices").
 */
export function joinParts(parts: readonly (string | false | null | undefined)[]): string {
  return parts
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .join(' · ');
}
