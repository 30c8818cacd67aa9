import { describe, expect, it } from 'vitest';
import { crc32, createZip } from '../../src/ui/state/resultsZip';

const ascii = (text: string) => new TextEncoder().encode(text);

/** Reads the entries back from the central directory (what an unzip tool does first). */
function listEntries(zip: Uint8Array): { name: string; size: number; crc: number; text: string }[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries = [];
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    expect(view.getUint32(local, true)).toBe(0x04034b50);
    const dataAt = local + 30 + view.getUint16(local + 26, true);
    const text = new TextDecoder().decode(zip.subarray(dataAt, dataAt + size));
    entries.push({ name, size, crc: view.getUint32(at + 16, true), text });
    at += 46 + nameLength;
  }
  return entries;
}

describe('crc32', () => {
  const cases: [string, number][] = [
    ['', 0],
    ['123456789', 0xcbf43926],
    ['The quick brown fox jumps over the lazy dog', 0x414fa339],
  ];
  it.each(cases)('crc32(%j) = %i', (text, expected) => {
    expect(crc32(ascii(text))).toBe(expected);
  });
});

describe('createZip', () => {
  it('stores each file with its exact bytes, size and CRC, names in UTF-8', () => {
    const files = [
      { path: 'warmth_lab_outputs/m/original/trivia_original_outputs.csv', text: 'a,b\n1,2\n' },
      { path: 'warmth_lab_outputs/model_configs.py', text: 'ALL_CONFIGS = []\n' },
      { path: 'café/ü.txt', text: 'Grüße' },
    ];
    const entries = listEntries(createZip(files, new Date(2025, 0, 2, 3, 4, 6)));
    expect(entries.map((e) => e.name)).toEqual(files.map((f) => f.path));
    expect(entries.map((e) => e.text)).toEqual(files.map((f) => f.text));
    expect(entries[2]?.size).toBe(ascii('Grüße').length);
    expect(entries[0]?.crc).toBe(crc32(ascii('a,b\n1,2\n')));
  });

  it('writes an empty archive as just the end record', () => {
    const zip = createZip([]);
    expect(zip.length).toBe(22);
    expect(listEntries(zip)).toEqual([]);
  });
});
