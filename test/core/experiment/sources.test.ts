import { describe, expect, it } from 'vitest';
import {
  BUILTIN_SOURCE,
  clampPerFamily,
  resolveSources,
} from '../../../src/core/experiment/sources';
import { BUILT_IN_ITEMS } from '../../../src/core/questions/bank';
import type { Item } from '../../../src/core/types';
import { makeItem } from './fixtures';

function reader(sets: Record<string, Item[]>) {
  const calls: string[] = [];
  return {
    calls,
    list: async () => {
      calls.push('list');
      return Object.keys(sets).map((id) => ({ id }));
    },
    getItems: async (id: string) => {
      calls.push(`get:${id}`);
      return sets[id] ?? [];
    },
  };
}

describe('resolveSources', () => {
  it('reads only the bank, without touching storage, for a built-in design', async () => {
    const r = reader({});
    const { items, missing } = await resolveSources([BUILTIN_SOURCE], r);
    expect(items).toHaveLength(BUILT_IN_ITEMS.length);
    expect(missing).toEqual([]);
    expect(r.calls).toEqual([]);
  });

  it('keeps the first item of each id and lists missing sets in source order', async () => {
    const a = makeItem('x-1', 'factual');
    const b = { ...makeItem('x-1', 'factual'), question: 'Other?' };
    const c = makeItem('x-2', 'medical');
    const r = reader({ 'set-a': [a], 'set-b': [b, c] });
    const { items, missing } = await resolveSources(['gone-2', 'set-a', 'set-b', 'gone-1'], r);
    expect(items.map((i) => [i.id, i.question])).toEqual([
      ['x-1', 'Question x-1?'],
      ['x-2', 'Question x-2?'],
    ]);
    expect(missing).toEqual(['gone-2', 'gone-1']);
    expect(r.calls).toEqual(['list', 'get:set-a', 'get:set-b']);
  });
});

describe('clampPerFamily', () => {
  it.each([
    [999, 67, { value: 67, clampedFrom: 999 }],
    [5, 67, { value: 5, clampedFrom: null }],
    [67, 67, { value: 67, clampedFrom: null }],
    [-3, 67, { value: 0, clampedFrom: null }],
    [2.6, 67, { value: 3, clampedFrom: null }],
  ])('%d with %d available → %o', (requested, available, expected) => {
    expect(clampPerFamily(requested, available)).toEqual(expected);
  });
});
