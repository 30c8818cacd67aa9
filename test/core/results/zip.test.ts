import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createZip } from '../../../src/core/results/zip';

/** The general-purpose flag of each central-directory entry (bit 11 = UTF-8 names). */
function centralFlags(zip: Uint8Array): number[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  let at = view.getUint32(end + 16, true);
  const flags: number[] = [];
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    flags.push(view.getUint16(at + 8, true));
    at +=
      46 +
      view.getUint16(at + 28, true) +
      view.getUint16(at + 30, true) +
      view.getUint16(at + 32, true);
  }
  return flags;
}

describe('createZip', () => {
  const files = [
    {
      path: 'warmth_lab_outputs/m/original/trivia_original_outputs.csv',
      text: 'a,b\n1,2\n'.repeat(500),
    },
    { path: 'warmth_lab_outputs/model_configs.py', text: 'ALL_CONFIGS = []\n' },
    { path: 'café/ü.txt', text: 'Grüße' },
  ];

  it('round-trips every file’s text under its path, in order', () => {
    const unzipped = unzipSync(createZip(files, new Date(2025, 0, 2, 3, 4, 6)));
    expect(Object.keys(unzipped)).toEqual(files.map((f) => f.path));
    expect(Object.values(unzipped).map((bytes) => strFromU8(bytes))).toEqual(
      files.map((f) => f.text),
    );
  });

  it('compresses repetitive CSV and marks the non-ASCII name as UTF-8', () => {
    const zip = createZip(files);
    expect(zip.length).toBeLessThan(1000);
    expect((centralFlags(zip)[2] ?? 0) & 0x0800).toBe(0x0800);
  });

  it('writes an empty archive as just the end record', () => {
    const zip = createZip([]);
    expect(zip.length).toBe(22);
    expect(centralFlags(zip)).toEqual([]);
  });

  it('refuses the same path twice instead of dropping one', () => {
    expect(() => createZip([files[1], files[1]] as typeof files)).toThrow(
      'the ZIP would hold "warmth_lab_outputs/model_configs.py" twice',
    );
  });
});
