import { describe, expect, it } from 'vitest';
import { composePrompt, enumerateConditions } from '../../../src/core/framing';
import { BUILT_IN_ITEMS } from '../../../src/core/questions/bank';

// Every built-in item under every grid condition (hedged too) must read cleanly. The bank is
// written by hand, so this catches answers or questions the punctuation rules do not expect.
describe('composing the built-in bank', () => {
  const conditions = enumerateConditions().flatMap((condition) => [
    condition,
    { ...condition, isHedged: true },
  ]);

  it('has items to compose', () => {
    expect(BUILT_IN_ITEMS.length).toBeGreaterThan(0);
  });

  it('produces clean text for every item and condition', () => {
    const problems: string[] = [];
    for (const item of BUILT_IN_ITEMS) {
      for (const condition of conditions) {
        const { text } = composePrompt(item, condition);
        const where = `${item.id} ${JSON.stringify(condition)}: ${text}`;
        if (/ {2}|[?!,]\.|\.\.(?!\.)|[?!.],/.test(text.replace(/\b(?:[A-Z]\.)+/g, 'X'))) {
          problems.push(`doubled punctuation or spaces in ${where}`);
        }
        if (!/[.?!]["'”’)\]]*$/.test(text)) problems.push(`no final punctuation in ${where}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('lists every medical option on its own lettered line', () => {
    const medical = BUILT_IN_ITEMS.filter((item) => item.family === 'medical');
    for (const item of medical) {
      const lines = composePrompt(
        item,
        { context: 'none', belief: 'none' },
        { isShowingOptions: true },
      ).text.split('\n');
      expect(lines[0]).toMatch(/[.?!]$/);
      expect(lines.slice(1).map((line) => line.slice(0, 3))).toEqual(
        item.options.map((_option, index) => `${'ABCDE'[index] as string}. `),
      );
    }
  });
});
