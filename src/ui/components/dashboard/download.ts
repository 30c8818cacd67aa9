/**
 * Saving exports from the dashboard: CSV text and chart PNGs as browser downloads.
 *
 * Owns: the temporary object URL and anchor. Invariant: the object URL is revoked after the
 * click, so repeated exports do not leak memory; file names are sanitised to safe characters.
 */

/** A file name made of letters, digits, dots, dashes and underscores only. */
export function safeFileName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'export';
}

function clickDownload(href: string, fileName: string): void {
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.download = safeFileName(fileName);
  anchor.rel = 'noopener';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
}

/** Downloads CSV text as `<fileName>`. */
export function downloadCsv(csv: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  clickDownload(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Downloads a `data:image/png` URL (from chart.js `toBase64Image`). */
export function downloadDataUrl(dataUrl: string, fileName: string): void {
  clickDownload(dataUrl, fileName);
}
