/**
 * A minimal ZIP writer (stored entries, no compression) for exporting the paper authors'
 * folder layout as one download.
 *
 * Owns: the byte layout of local headers, the central directory and the end record (PKWARE
 * APPNOTE 4.3). Invariants: names are UTF-8 with the language-encoding flag set; every entry's
 * CRC-32 and sizes are exact; archives stay under 4 GB and 65,535 entries (no ZIP64), which
 * the function checks rather than writing a corrupt file.
 */

export interface ZipEntry {
  /** Path inside the archive, with "/" separators. */
  path: string;
  text: string;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3) of the bytes. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** MS-DOS time and date fields. */
type Stamp = { time: number; date: number };

/** MS-DOS time and date fields of a moment (local time, 2-second resolution). */
function dosDateTime(at: Date): Stamp {
  const year = Math.max(1980, at.getFullYear());
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | (at.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

interface Prepared {
  name: Uint8Array;
  data: Uint8Array;
  crc: number;
  offset: number;
}

function header(size: number, fill: (view: DataView) => void): Uint8Array {
  const bytes = new Uint8Array(size);
  fill(new DataView(bytes.buffer));
  return bytes;
}

/** Fields shared by local and central headers, from "version needed" to "extra length". */
function commonFields(view: DataView, at: number, entry: Prepared, stamp: Stamp): void {
  view.setUint16(at, 20, true); // version needed: 2.0
  view.setUint16(at + 2, 0x0800, true); // flags: UTF-8 names
  view.setUint16(at + 4, 0, true); // method: stored
  view.setUint16(at + 6, stamp.time, true);
  view.setUint16(at + 8, stamp.date, true);
  view.setUint32(at + 10, entry.crc, true);
  view.setUint32(at + 14, entry.data.length, true);
  view.setUint32(at + 18, entry.data.length, true);
  view.setUint16(at + 22, entry.name.length, true);
  view.setUint16(at + 24, 0, true);
}

/** Local headers followed by the data of each entry; returns the entries with their offsets. */
function writeLocalEntries(entries: readonly ZipEntry[], stamp: Stamp, parts: Uint8Array[]) {
  const encoder = new TextEncoder();
  const prepared: Prepared[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.path);
    const data = encoder.encode(entry.text);
    const item = { name, data, crc: crc32(data), offset };
    const local = header(30, (view) => {
      view.setUint32(0, 0x04034b50, true);
      commonFields(view, 4, item, stamp);
    });
    parts.push(local, name, data);
    prepared.push(item);
    offset += local.length + name.length + data.length;
  }
  return { prepared, size: offset };
}

/** The central directory: one header per entry pointing at its local header. */
function writeCentralDirectory(prepared: readonly Prepared[], stamp: Stamp, parts: Uint8Array[]) {
  let size = 0;
  for (const item of prepared) {
    const central = header(46, (view) => {
      view.setUint32(0, 0x02014b50, true);
      view.setUint16(4, 20, true); // version made by
      commonFields(view, 6, item, stamp);
      view.setUint32(42, item.offset, true);
    });
    parts.push(central, item.name);
    size += central.length + item.name.length;
  }
  return size;
}

/** Builds a ZIP archive holding the entries as UTF-8 text files. */
export function createZip(
  entries: readonly ZipEntry[],
  at: Date = new Date(),
): Uint8Array<ArrayBuffer> {
  if (entries.length > 0xffff) throw new RangeError(`too many files for a ZIP (${entries.length})`);
  const stamp = dosDateTime(at);
  const parts: Uint8Array[] = [];
  const { prepared, size: centralStart } = writeLocalEntries(entries, stamp, parts);
  const centralSize = writeCentralDirectory(prepared, stamp, parts);
  const total = centralStart + centralSize + 22;
  if (total > 0xffffffff) throw new RangeError('export too large for a ZIP without ZIP64');
  parts.push(
    header(22, (view) => {
      view.setUint32(0, 0x06054b50, true);
      view.setUint16(8, prepared.length, true);
      view.setUint16(10, prepared.length, true);
      view.setUint32(12, centralSize, true);
      view.setUint32(16, centralStart, true);
    }),
  );
  const zip = new Uint8Array(total);
  let position = 0;
  for (const part of parts) {
    zip.set(part, position);
    position += part.length;
  }
  return zip;
}
