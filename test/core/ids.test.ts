import { describe, expect, it } from 'vitest';
import { newId, nowIso } from '../../src/core/ids';

describe('ids', () => {
  it('prefixes ids and never repeats one in a burst', () => {
    const ids = Array.from({ length: 500 }, () => newId('cmp'));
    expect(new Set(ids).size).toBe(500);
    expect(ids[0]).toMatch(/^cmp-[0-9a-z]+-[0-9a-z]{1,6}$/);
  });
  it('gives an ISO-8601 UTC timestamp', () => {
    expect(nowIso()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });
});
