import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../src/engine/catalog';
import {
  buildCatalogRows,
  cacheLabelOf,
  describeModelLoadError,
  describePersistResult,
  describeStorage,
  formatMegabytes,
} from '../../src/engine/modelDescribe';

const ENTRY: CatalogEntry = {
  id: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC',
  family: 'Qwen2.5',
  name: 'Qwen2.5 0.5B Instruct',
  parameters: 5e8,
  parametersLabel: '0.5B',
  quantization: 'q4f32_1',
  contextWindowSize: 4096,
  vramRequiredMB: 1060.2,
  isLowResource: true,
  needsShaderF16: false,
  modelUrl: 'https://huggingface.co/mlc-ai/Qwen2.5-0.5B-Instruct-q4f32_1-MLC',
  modelLibUrl: 'https://example.invalid/lib.wasm',
  approxDownloadBytes: 281_250_000,
};

describe('cache labels', () => {
  it.each([
    [{ a: true }, false, 'cached'],
    [{ a: false }, true, 'not cached'],
    [{}, true, 'checking…'],
    [null, false, 'unknown'],
  ] as const)('%j (checking %s) → %s', (map, isChecking, label) => {
    expect(cacheLabelOf(map, 'a', isChecking)).toBe(label);
  });
});

describe('buildCatalogRows', () => {
  it('labels sizes as approximate and keeps the verdict', () => {
    const verdict = { isRunnable: false, isRecommended: false, reason: 'needs shader-f16' };
    const [row] = buildCatalogRows([ENTRY], () => verdict, { [ENTRY.id]: true }, false);
    expect(row).toEqual({
      entry: ENTRY,
      verdict,
      cache: 'cached',
      downloadLabel: 'about 281 MB',
      gpuMemoryLabel: '1,060 MB',
    });
  });
  it('never shows NaN for unknown figures', () => {
    const unknown = { ...ENTRY, approxDownloadBytes: null, vramRequiredMB: null };
    const [row] = buildCatalogRows(
      [unknown],
      () => ({ isRunnable: true, isRecommended: true, reason: '' }),
      null,
      true,
    );
    expect([row?.downloadLabel, row?.gpuMemoryLabel, row?.cache]).toEqual([
      'unknown size',
      'unknown',
      'checking…',
    ]);
    expect(formatMegabytes(Number.NaN)).toBe('unknown');
  });
});

describe('describeStorage', () => {
  it.each([
    [null, 'This browser does not report storage use.', null, 'Unknown whether'],
    [
      { usageBytes: 1.2e9, quotaBytes: 1e10, usedFraction: 0.12, isPersisted: true },
      '1.2 GB of 10.0 GB used (12%).',
      0.12,
      'Persistent:',
    ],
    [
      { usageBytes: 5e6, quotaBytes: 0, usedFraction: 0, isPersisted: false },
      '5 MB used; the browser did not say how much is available.',
      null,
      'Not persistent:',
    ],
    [
      { usageBytes: 2e9, quotaBytes: 1e9, usedFraction: 2, isPersisted: false },
      '2.0 GB of 1.0 GB used (100%).',
      1,
      'Not persistent:',
    ],
  ])('%j', (estimate, text, fraction, persisted) => {
    const summary = describeStorage(estimate);
    expect(summary.text).toBe(text);
    expect(summary.fraction).toBe(fraction);
    expect(summary.persistedText.startsWith(persisted)).toBe(true);
  });
  it('says what the persistence answer means', () => {
    expect(describePersistResult(true)).toContain('agreed');
    expect(describePersistResult(false)).toContain('declined');
  });
});

describe('describeModelLoadError', () => {
  it.each([
    'WebAssembly.instantiate(): expected magic word 00 61 73 6d, found 6e 6f 74 20 @+0',
    'CompileError: bad section',
    'LinkError: import object field missing',
  ])('explains a broken library: %s', (message) => {
    const text = describeModelLoadError(message, 'local-tiny');
    expect(text).toContain('The model library (.wasm) of local-tiny could not be instantiated');
    expect(text.endsWith(`Browser said: ${message}`)).toBe(true);
  });
  it('passes other messages through unchanged', () => {
    const message = 'Download cancelled. Files already fetched stay cached for next time.';
    expect(describeModelLoadError(message, 'x')).toBe(message);
  });
});
