import { describe, expect, it } from 'vitest';
import {
  buildFraming,
  parseVariants,
  sortStoredFramings,
} from '../../../src/core/framing/customForm';
import type { FramingDraft } from '../../../src/core/framing/customForm';

const draft = (fields: Partial<FramingDraft>): FramingDraft => ({
  kind: 'context',
  label: 'At the airport',
  variantsText: 'My flight was cancelled.',
  editingId: null,
  ...fields,
});

describe('parseVariants', () => {
  it('keeps non-blank lines, trimmed', () => {
    expect(parseVariants('  One.\r\n\n Two. \n   \n')).toEqual(['One.', 'Two.']);
  });
});

describe('buildFraming', () => {
  it('makes a custom id from the label for a new framing', () => {
    expect(buildFraming(draft({ label: '  At the Airport! ' }), [])).toEqual({
      isOk: true,
      framing: {
        id: 'custom:at-the-airport',
        kind: 'context',
        label: 'At the Airport!',
        variants: ['My flight was cancelled.'],
      },
    });
  });

  it('keeps the id when an edited framing is renamed', () => {
    const outcome = buildFraming(draft({ label: 'Renamed', editingId: 'custom:at-the-airport' }), [
      'custom:at-the-airport',
    ]);
    expect(outcome.isOk && outcome.framing.id).toBe('custom:at-the-airport');
  });

  it.each<[string, Partial<FramingDraft>, string[], string]>([
    ['no variants', { variantsText: ' \n ' }, [], 'variants: expected at least one sentence'],
    ['an empty label', { label: '  ' }, [], 'label: text is empty'],
    ['a label with no letters', { label: '!!!' }, [], 'label: needs at least one letter or digit'],
    [
      'a taken id',
      {},
      ['custom:at-the-airport'],
      'label: a framing with the id "custom:at-the-airport" already exists',
    ],
    [
      'a placeholder in a context',
      { variantsText: 'I think {wrong}.' },
      [],
      'variant 1: contexts cannot use placeholders (found {wrong})',
    ],
    [
      'an unknown belief placeholder',
      { kind: 'belief', variantsText: 'Surely {answer}' },
      [],
      'variant 1: unknown placeholder {answer}; use {wrong} or {correct}',
    ],
    [
      'a long variant',
      { variantsText: 'x'.repeat(501) },
      [],
      'variant 1: 501 characters, at most 500 allowed',
    ],
  ])('refuses %s with a specific problem', (_name, fields, existing, problem) => {
    const outcome = buildFraming(draft(fields), existing);
    expect(outcome.isOk).toBe(false);
    expect(outcome.isOk ? [] : outcome.problems.join('\n')).toContain(problem);
  });

  it('accepts belief placeholders', () => {
    const outcome = buildFraming(
      draft({
        kind: 'belief',
        label: 'Insists',
        variantsText: "I'm certain it's {wrong}, not {correct}",
      }),
      [],
    );
    expect(outcome.isOk && outcome.framing.variants).toEqual([
      "I'm certain it's {wrong}, not {correct}",
    ]);
  });
});

describe('sortStoredFramings', () => {
  it('keeps valid framings and names broken ones', () => {
    const { framings, broken } = sortStoredFramings([
      { id: 'custom:ok', kind: 'context', label: 'Fine', variants: ['All good.'] },
      { id: 'custom:bad', kind: 'context', label: 'Broken', variants: [] },
    ]);
    expect(framings.map((f) => f.id)).toEqual(['custom:ok']);
    expect(broken).toEqual([
      'Saved framing "Broken" is unusable: variants: expected at least one sentence',
    ]);
  });
});
