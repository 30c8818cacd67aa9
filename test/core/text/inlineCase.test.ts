import { describe, expect, it } from 'vitest';
import { toInlineCase } from '../../../src/core/text/inlineCase';

describe('toInlineCase', () => {
  it.each([
    ['Kidney stone', false, 'kidney stone'],
    ['Blue whale', false, 'blue whale'],
    ['Canberra', false, 'Canberra'],
    ['Metformin', true, 'metformin'],
    ['New York', false, 'New York'],
    ['Washington D.C.', false, 'Washington D.C.'],
    ['HIV infection', true, 'HIV infection'],
    ['mRNA vaccine', true, 'mRNA vaccine'],
    ["Crohn's disease", true, "Crohn's disease"],
    ['Graves disease', true, 'Graves disease'],
    ['Acute pancreatitis', true, 'acute pancreatitis'],
    ['McDonald', false, 'McDonald'],
    ['', true, ''],
  ])('%j (common noun: %s) → %j', (answer, isCommonNoun, expected) => {
    expect(toInlineCase(answer, { isCommonNoun })).toBe(expected);
  });
});
