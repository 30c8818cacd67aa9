import { describe, expect, it } from 'vitest';
import { codeNotes } from '../../../src/core/dashboard/noteCodes';

describe('codeNotes', () => {
  it('gives known notes their code, numbers the rest and lists each code once', () => {
    const rows = [
      'not estimable: no discordant pairs (base and warm agree on every item)',
      '',
      'small sample: Firth correction used',
      'not estimable: no discordant pairs (base and warm agree on every item)',
    ];
    const { codeOf, legend } = codeNotes(rows, (row) => row);
    expect(rows.map(codeOf)).toEqual(['ND', '', 'N1', 'ND']);
    expect(legend.map((entry) => entry.code)).toEqual(['ND', 'N1']);
    expect(legend[1]?.text).toBe('small sample: Firth correction used');
  });
});
