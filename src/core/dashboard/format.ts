/**
 * Text forms of dashboard numbers, shared by on-screen tables and chart tooltips.
 *
 * Owns: one rule per kind of number. Invariant: no function returns "NaN" or "undefined";
 * missing or non-finite values show as an em dash, an infinite odds ratio as "∞".
 */

const MISSING = '—';

/** A proportion as a percentage with one decimal: 0.125 → "12.5%". */
export function percentText(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  return `${(value * 100).toFixed(1)}%`;
}

/** Signed percentage points with one decimal: 7.43 → "+7.4 pp". */
export function ppText(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const rounded = Number(value.toFixed(1));
  const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '±';
  return `${sign}${Math.abs(rounded).toFixed(1)} pp`;
}

/** A p-value: three decimals, or "< 0.001". */
export function pText(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  return value < 0.001 ? '< 0.001' : value.toFixed(3);
}

/** A ratio or effect size with two decimals; Infinity as "∞". */
export function ratioText(value: number | null | undefined): string {
  if (value === Infinity) return '∞';
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  return value.toFixed(2);
}

/** An interval "[low, high]" from two already formatted ends, or a dash when either is missing. */
export function intervalText(low: string, high: string): string {
  return low === MISSING || high === MISSING ? MISSING : `[${low}, ${high}]`;
}

/** A raw number for CSV cells: finite numbers as-is, Infinity as "inf", missing as empty. */
export function csvNumber(value: number | null | undefined): string | number {
  if (value === Infinity) return 'inf';
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return value;
}
