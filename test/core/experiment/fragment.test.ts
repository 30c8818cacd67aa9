import { describe, expect, it } from 'vitest';
import {
  decodeDesignFromFragment,
  encodeDesignToFragment,
} from '../../../src/core/experiment/fragment';
import { DesignError } from '../../../src/core/experiment/design';
import { makeDesign } from './fixtures';

describe('design fragments', () => {
  it('round-trips a design, including non-ASCII text, with and without #', () => {
    const design = makeDesign({ name: 'Traurig? 悲しい — “warm” ✓' });
    const fragment = encodeDesignToFragment(design);
    expect(fragment.startsWith('design=v1.')).toBe(true);
    expect(fragment).toMatch(/^design=v1\.[A-Za-z0-9_-]+$/);
    expect(decodeDesignFromFragment(fragment)).toEqual(design);
    expect(decodeDesignFromFragment(`#${fragment}`)).toEqual(design);
  });

  it.each([1, 2, 3, 4, 5])(
    'round-trips names whose byte length ends on each remainder (%i)',
    (n) => {
      const design = makeDesign({ name: 'x'.repeat(n) });
      expect(decodeDesignFromFragment(encodeDesignToFragment(design))).toEqual(design);
    },
  );

  const good = encodeDesignToFragment(makeDesign());
  const notJson = `design=v1.${encodeDesignToFragment(makeDesign()).slice(10, 30)}`;
  it.each([
    ['#share=abc', "This link holds no design (expected '#design=…')."],
    [
      good.replace('v1.', 'v9.'),
      "The design link has version 'v9', but this app reads 'v1': update the app or ask for a new link.",
    ],
    ['design=v1.abc$def', "The design link has an invalid character '$' at position 3."],
    ['design=v1.abcde', 'The design link is cut short (bad length).'],
    [notJson, 'The design link is damaged: its content is not valid JSON.'],
    ['design=v1.WzEsMl0', 'The design link is damaged: it does not hold a design object.'],
  ])('rejects %s', (hash, message) => {
    expect(() => decodeDesignFromFragment(hash)).toThrow(new DesignError(message));
  });

  it('rejects a linked design that fails validation, naming the problem', () => {
    const fragment = encodeDesignToFragment(makeDesign({ samples: 0 }));
    expect(() => decodeDesignFromFragment(fragment)).toThrow(
      'The linked design is not valid: samples: expected 1 to 20, got 0',
    );
  });
});
