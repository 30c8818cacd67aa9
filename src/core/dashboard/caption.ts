/**
 * The caption an exported chart image carries, so a PNG pasted into slides or a report still
 * says what it shows, from which run and when.
 *
 * Owns: the caption's lines. Invariants: always two lines — the chart's title, then
 * "<run name> · <YYYY-MM-DD>" — with control characters removed and each line capped at
 * MAX_CAPTION_CHARS (an ellipsis marks the cut), since run names are user text.
 */

export const MAX_CAPTION_CHARS = 120;

function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return flat.length > MAX_CAPTION_CHARS ? `${flat.slice(0, MAX_CAPTION_CHARS - 1)}…` : flat;
}

/** The caption lines of a chart exported from `runName` on `date` (UTC day). */
export function chartCaption(title: string, runName: string, date: Date): [string, string] {
  const day = date.toISOString().slice(0, 10);
  return [clean(title) || 'Chart', `${clean(runName) || 'Warmth Lab results'} · ${day}`];
}
