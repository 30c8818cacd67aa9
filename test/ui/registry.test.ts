import { describe, expect, it } from 'vitest';
import { viewFromHash } from '../../src/ui/views/registry';

describe('viewFromHash', () => {
  it.each([
    ['', 'playground'],
    ['#/questions', 'questions'],
    ['#/experiments?design=v1.abc', 'experiments'],
    ['#design=v1.abc', 'experiments'],
    ['#/nowhere', 'playground'],
    ['#about', 'about'],
  ])('%j opens %s', (hash, view) => {
    expect(viewFromHash(hash)).toBe(view);
  });
});
