import { describe, expect, it } from 'vitest';
import { createRng, hashString, pickIndex, shuffleSeeded } from '../../src/core/random';

describe('hashString', () => {
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('FNV-1a of %j is %i', (text, expected) => {
    expect(hashString(text)).toBe(expected);
  });
});

describe('seeded randomness', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(seqA);
    expect(c()).not.toBe(seqA[0]);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });
  it('shuffles deterministically and keeps every element', () => {
    const once = shuffleSeeded([1, 2, 3, 4, 5, 6], 'seed');
    expect(shuffleSeeded([1, 2, 3, 4, 5, 6], 'seed')).toEqual(once);
    expect([...once].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
  it('picks a stable index in range and rejects n = 0', () => {
    expect(pickIndex('item-1|emotion:sad', 5)).toBe(pickIndex('item-1|emotion:sad', 5));
    expect(pickIndex('x', 5)).toBeLessThan(5);
    expect(() => pickIndex('x', 0)).toThrow('pickIndex needs n > 0 (got 0)');
  });
});
