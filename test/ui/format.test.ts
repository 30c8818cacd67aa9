import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatPercent } from '../../src/ui/components/format';

describe('display formatting', () => {
  it.each([
    [null, 'unknown size'],
    [Number.NaN, 'unknown size'],
    [1_500_000_000, '1.5 GB'],
    [350_400_000, '350 MB'],
    [2_000, '2 kB'],
    [10, '1 kB'],
  ])('formatBytes(%s) = %s', (bytes, expected) => {
    expect(formatBytes(bytes)).toBe(expected);
  });
  it.each([
    [undefined, 'unknown time'],
    [44_600, '45 s'],
    [200_000, '3 min 20 s'],
    [3_900_000, '1 h 5 min'],
  ])('formatDuration(%s) = %s', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });
  it.each([
    [0.0743, '7.4%'],
    [Number.POSITIVE_INFINITY, '—'],
    [null, '—'],
  ])('formatPercent(%s) = %s', (value, expected) => {
    expect(formatPercent(value)).toBe(expected);
  });
});
