/**
 * Display formatting shared by components (sizes, durations, percentages).
 * Never returns "NaN": unknown values show as "unknown".
 */

// formatBytes lives in core so the engine layer and the CLI format sizes the same way.
export { formatBytes } from '../../core/units';

/** "45 s", "3 min 20 s", "1 h 5 min". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return 'unknown time';
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** A proportion as a percentage with one decimal, e.g. 0.0743 → "7.4%". */
export function formatPercent(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${(value * 100).toFixed(digits)}%`;
}
