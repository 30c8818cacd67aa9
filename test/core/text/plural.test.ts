import { describe, expect, it } from 'vitest';
import { joinParts, pluralize } from '../../../src/core/text/plural';

describe('pluralize', () => {
  it.each([
    [0, 'refusal detected', 'refusals detected', '0 refusals detected'],
    [1, 'refusal detected', 'refusals detected', '1 refusal detected'],
    [2, 'refusal detected', 'refusals detected', '2 refusals detected'],
    [1, 'pair', undefined, '1 pair'],
    [12, 'pair', undefined, '12 pairs'],
    [1422, 'item', undefined, '1,422 items'],
    [1, 'child', 'children', '1 child'],
    [3, 'child', 'children', '3 children'],
  ])('%d %s', (count, singular, plural, expected) => {
    expect(pluralize(count, singular, plural)).toBe(expected);
  });
});

describe('joinParts', () => {
  it('separates present parts with " · " and leaves no dangling separator', () => {
    expect(joinParts(['12 pairs', undefined, 'devices: cpu'])).toBe('12 pairs · devices: cpu');
    expect(joinParts([false, '', '  ', null])).toBe('');
    expect(joinParts(['one'])).toBe('one');
  });
});
