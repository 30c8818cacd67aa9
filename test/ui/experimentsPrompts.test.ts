import { describe, expect, it } from 'vitest';
import { composePrompt } from '../../src/core/framing';
import { BUILT_IN_ITEMS } from '../../src/core/questions/bank';
import type { Condition } from '../../src/core/types';
import { composeCached } from '../../src/ui/state/experimentPool';

const item = BUILT_IN_ITEMS[0]!;

describe('composeCached', () => {
  it.each<[string, Condition]>([
    ['plain', { context: 'none', belief: 'none' }],
    ['hedged belief', { context: 'none', belief: 'asserts-wrong', isHedged: true }],
  ])(
    'gives what composePrompt gives (%s), and the same object the second time',
    (_l, condition) => {
      const first = composeCached(item, condition);
      expect(first).toEqual(composePrompt(item, condition));
      expect(composeCached(item, { ...condition })).toBe(first);
    },
  );

  it('composes an edited item (a new object with the same id) afresh', () => {
    const condition: Condition = { context: 'none', belief: 'none' };
    const edited = { ...item, question: 'An edited question?' };
    expect(composeCached(edited, condition).text).toContain('An edited question');
    expect(composeCached(item, condition).text).not.toContain('An edited question');
  });
});
