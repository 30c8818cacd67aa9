/**
 * Turns an export into a browser download.
 *
 * Owns: the temporary object URL and anchor. Invariant: the URL is revoked right after the
 * click, and the file name is reduced to safe characters.
 */
import type { ExportFile } from '../../../core/results/exportFiles';
import { safeFileName } from '../dashboard/download';

/** Downloads one export file. */
export function saveExport(file: ExportFile | null): void {
  if (!file) return;
  const url = URL.createObjectURL(new Blob([file.data], { type: file.type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = safeFileName(file.fileName);
  anchor.rel = 'noopener';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
