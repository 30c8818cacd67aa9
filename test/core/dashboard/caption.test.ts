import { describe, expect, it } from 'vitest';
import { MAX_CAPTION_CHARS, chartCaption } from '../../../src/core/dashboard/caption';

describe('chartCaption', () => {
  const date = new Date('2026-12-06T12:30:00Z');

  it('gives the chart title, then the run name and the UTC day', () => {
    expect(chartCaption('Error rate per task family', 'Quick 5-minute demo', date)).toEqual([
      'Error rate per task family',
      'Quick 5-minute demo · 2026-12-06',
    ]);
  });

  it('strips control characters, caps long names and never leaves a line empty', () => {
    const [title, run] = chartCaption('', `evil\nname\u0007${'x'.repeat(200)}`, date);
    expect(title).toBe('Chart');
    expect(run.startsWith('evil name ')).toBe(true);
    expect(run.endsWith('… · 2026-12-06')).toBe(true);
    expect(run.length).toBe(MAX_CAPTION_CHARS + ' · 2026-12-06'.length);
    expect(chartCaption('T', '  ', date)[1]).toBe('Warmth Lab results · 2026-12-06');
  });
});
