import { describe, expect, it } from 'vitest';
import {
  FAMILY_RATE_COLUMNS,
  STATS_COLUMNS,
  csvNumber,
  errorRatesByFamily,
  pairAnswers,
  pairedStatsTable,
  percentText,
  ppText,
  pText,
  ratioText,
  tableToCsv,
} from '../../../src/core/dashboard';
import { ARMS, BASE_ARM, WARM_ARM, fixtureRecords } from './fixture';

describe('number text', () => {
  const cases: [string, string, string][] = [
    ['percentText(0.125)', percentText(0.125), '12.5%'],
    ['percentText(null)', percentText(null), '—'],
    ['percentText(NaN)', percentText(Number.NaN), '—'],
    ['ppText(7.43)', ppText(7.43), '+7.4 pp'],
    ['ppText(-12.06)', ppText(-12.06), '−12.1 pp'],
    ['ppText(-0.04)', ppText(-0.04), '±0.0 pp'],
    ['pText(0.0004)', pText(0.0004), '< 0.001'],
    ['pText(0.0376)', pText(0.0376), '0.038'],
    ['ratioText(Infinity)', ratioText(Infinity), '∞'],
    ['ratioText(4)', ratioText(4), '4.00'],
    ['csvNumber(Infinity)', String(csvNumber(Infinity)), 'inf'],
    ['csvNumber(null)', String(csvNumber(null)), ''],
  ];
  it.each(cases)('%s', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('table text and CSV', () => {
  it('shows one error-rate row per family × arm as text', () => {
    const rows = errorRatesByFamily(fixtureRecords(), ARMS, 'paper');
    const texts = rows.slice(0, 2).map((row) => FAMILY_RATE_COLUMNS.map((c) => c.text(row)));
    expect(texts).toEqual([
      ['Factual (TriviaQA)', 'Base', '1', '5', '20.0%', '[3.6%, 62.4%]', '0'],
      ['Factual (TriviaQA)', 'Warm', '3', '5', '60.0%', '[23.1%, 88.2%]', '0'],
    ]);
  });

  it('exports raw numbers, splits intervals and neutralises formulas', () => {
    const rows = errorRatesByFamily(
      fixtureRecords(),
      [{ ...ARMS[0]!, label: '=HYPERLINK("x")' }],
      'paper',
    );
    const lines = tableToCsv(FAMILY_RATE_COLUMNS, rows.slice(0, 2)).split('\n');
    expect(lines[0]).toBe(
      'family,arm,errors,n,error_rate,wilson_95_low,wilson_95_high,not_counted',
    );
    expect(lines[1]).toMatch(
      /^Factual \(TriviaQA\),"'=HYPERLINK\(""x""\)",1,5,0\.2,0\.0362241086\d*,0\.624465370\d*,0$/,
    );
    expect(lines[2]).toBe('Misconception (TruthfulQA),"\'=HYPERLINK(""x"")",0,0,,,,1');
  });

  it('writes an infinite odds ratio as inf in the statistics CSV', () => {
    const stats = pairedStatsTable(
      pairAnswers(fixtureRecords(), { base: BASE_ARM, warm: WARM_ARM }, 'paper'),
    );
    const factual = tableToCsv(STATS_COLUMNS, [stats[1]!]).split('\n')[1]!;
    expect(factual.split(',').slice(0, 11)).toEqual([
      'Factual (TriviaQA) · all prompts',
      '5',
      '0.2',
      '0.6',
      '40',
      '2',
      '0',
      '0.5',
      '1',
      '0.5',
      'inf',
    ]);
  });
});
