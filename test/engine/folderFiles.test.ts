import { describe, expect, it } from 'vitest';
import { suggestModelName, totalBytesOf } from '../../src/engine/folderFiles';

describe('suggestModelName', () => {
  it.each([
    [['Tiny-q4f32_1-MLC/mlc-chat-config.json', 'Tiny-q4f32_1-MLC/lib.wasm'], 'Tiny-q4f32_1-MLC'],
    [['mlc-chat-config.json', 'lib.wasm'], ''],
    [['a/x.json', 'b/y.json'], ''],
    [['a/x.json', 'ab/y.json'], ''],
    [[], ''],
  ])('%j → "%s"', (paths, name) => {
    expect(suggestModelName(paths)).toBe(name);
  });
});

describe('totalBytesOf', () => {
  it('sums blob sizes', () => {
    const files = [
      { path: 'a', blob: new Blob(['abc']) },
      { path: 'b', blob: new Blob([new Uint8Array(10)]) },
    ];
    expect(totalBytesOf(files)).toBe(13);
    expect(totalBytesOf([])).toBe(0);
  });
});
