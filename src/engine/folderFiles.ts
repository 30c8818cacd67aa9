/**
 * Turning what the user picked or dropped into the `LocalFile` list `importLocalFolder` reads.
 *
 * Owns: paths from `<input webkitdirectory>` (`webkitRelativePath`), from a plain multi-file input
 * (file names: MLC folders are flat) and from a dropped folder (walked with the File and
 * Directory Entries API), and the model name suggested by a folder's own name. Invariants: paths
 * use "/" and keep the folder's own name when it has one (the importer strips it); the pure
 * helpers at the top need no DOM.
 */
import type { LocalFile } from './localFolder';

/** The chosen folder's own name when every path starts with it, else ''. */
export function suggestModelName(paths: readonly string[]): string {
  const first = paths[0]?.split('/')[0] ?? '';
  const isShared =
    first !== '' && paths.length > 0 && paths.every((path) => path.startsWith(`${first}/`));
  return isShared ? first : '';
}

/** Total size of a file selection, for the summary before import. */
export function totalBytesOf(files: readonly LocalFile[]): number {
  return files.reduce((sum, file) => sum + file.blob.size, 0);
}

/** Files from an `<input type="file">` (folder or multi-file). */
export function filesFromInput(files: FileList | readonly File[] | null): LocalFile[] {
  return Array.from(files ?? []).map((file) => ({
    path: file.webkitRelativePath || file.name,
    blob: file,
  }));
}

/** Files from a drop: folders are walked recursively, loose files keep their names. */
export async function filesFromDrop(transfer: DataTransfer | null): Promise<LocalFile[]> {
  if (transfer === null) return [];
  const entries = Array.from(transfer.items)
    .map((item) => item.webkitGetAsEntry())
    .filter((entry): entry is FileSystemEntry => entry !== null);
  if (entries.length === 0) return filesFromInput(transfer.files);
  const nested = await Promise.all(entries.map((entry) => walkEntry(entry, '')));
  return nested.flat();
}

async function walkEntry(entry: FileSystemEntry, prefix: string): Promise<LocalFile[]> {
  const path = `${prefix}${entry.name}`;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) =>
      (entry as FileSystemFileEntry).file(resolve, reject),
    );
    return [{ path, blob: file }];
  }
  if (!entry.isDirectory) return [];
  const children = await readAllEntries((entry as FileSystemDirectoryEntry).createReader());
  const nested = await Promise.all(children.map((child) => walkEntry(child, `${path}/`)));
  return nested.flat();
}

/** `readEntries` returns at most ~100 entries per call; read until it returns none. */
async function readAllEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}
