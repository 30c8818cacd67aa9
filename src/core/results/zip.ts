/**
 * ZIP archives of text files (the paper authors' folder layout as one download), via fflate.
 *
 * Owns: turning `{path, text}` entries into a ZIP. Invariants: names and contents are UTF-8;
 * entries keep the order given; archives stay within 65,535 entries (fflate writes no ZIP64),
 * which is checked rather than writing a file unzip tools reject.
 */
import { strToU8, zipSync } from 'fflate';
import type { Zippable } from 'fflate';

export interface ZipEntry {
  /** Path inside the archive, with "/" separators. */
  path: string;
  text: string;
}

/** Builds a ZIP archive (deflated) holding the entries as UTF-8 text files. */
export function createZip(
  entries: readonly ZipEntry[],
  at: Date = new Date(),
): Uint8Array<ArrayBuffer> {
  if (entries.length > 0xffff) throw new RangeError(`too many files for a ZIP (${entries.length})`);
  const files: Zippable = {};
  for (const entry of entries) {
    if (entry.path in files) throw new RangeError(`the ZIP would hold "${entry.path}" twice`);
    files[entry.path] = strToU8(entry.text);
  }
  // zipSync's flat keys are taken as full paths; mtime dates every entry like the export.
  return zipSync(files, { level: 6, mtime: at }) as Uint8Array<ArrayBuffer>;
}
