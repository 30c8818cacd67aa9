/**
 * Plain-words sizes shared by the engine layer, the UI and the CLI.
 *
 * Owns: `formatBytes`. Invariant: never returns "NaN"; unknown sizes say "unknown size".
 */

/** "1.2 GB", "350 MB", "12 kB"; "unknown size" for null or non-finite input. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return 'unknown size';
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${Math.round(bytes / 1e6)} MB`;
  return `${Math.max(1, Math.round(bytes / 1e3))} kB`;
}
