/**
 * chart.js configurations of the dashboard's bar charts: error rate per family × arm, error
 * rate per setup × arm, and the manipulation check (length and warmth per arm).
 *
 * Owns: presentation only (colours, axes, tooltips, which Selection a bar stands for); every
 * number comes from core/dashboard. Invariants: rates are plotted in percent with their Wilson
 * intervals as whiskers; a missing rate is a gap (null), never NaN; bars of one arm share the
 * arm's role colour and the legend names the arm.
 */
import type { ChartConfiguration, TooltipItem } from 'chart.js';
import type { ArmRateRow, ArmStyleRow, FamilyRateRow, SetupRateRow } from '../../../core/dashboard';
import { percentText, SETUP_LABELS } from '../../../core/dashboard';
import type { ChartSpec } from './chartHost';
import { ROLE_COLOURS } from './palette';

type Interval = [number, number] | null;

interface Grouped<Row extends ArmRateRow> {
  categories: string[];
  arms: { id: string; label: string; role: Row['role'] }[];
  cell: (category: string, armId: string) => Row | undefined;
}

function group<Row extends ArmRateRow>(
  rows: readonly Row[],
  categoryOf: (row: Row) => string,
): Grouped<Row> {
  const categories = [...new Set(rows.map(categoryOf))];
  const arms = [
    ...new Map(
      rows.map((r) => [r.armId, { id: r.armId, label: r.armLabel, role: r.role }]),
    ).values(),
  ];
  const byKey = new Map(rows.map((row) => [`${categoryOf(row)}\u0000${row.armId}`, row]));
  return { categories, arms, cell: (category, armId) => byKey.get(`${category}\u0000${armId}`) };
}

function rateBars<Row extends ArmRateRow>(
  rows: readonly Row[],
  categoryOf: (row: Row) => string,
  labelOf: (category: string) => string,
): { config: ChartConfiguration<'bar'>; categories: string[] } {
  const { categories, arms, cell } = group(rows, categoryOf);
  const datasets = arms.map((arm) => ({
    label: arm.label,
    backgroundColor: ROLE_COLOURS[arm.role],
    data: categories.map((c) => {
      const rate = cell(c, arm.id)?.rate;
      return rate === null || rate === undefined ? null : 100 * rate;
    }),
  }));
  const intervals = arms.map((arm) =>
    categories.map((c): Interval => {
      const row = cell(c, arm.id);
      return row && row.low !== null && row.high !== null ? [100 * row.low, 100 * row.high] : null;
    }),
  );
  const tooltip = (item: TooltipItem<'bar'>) => {
    const row = cell(categories[item.dataIndex] ?? '', arms[item.datasetIndex]?.id ?? '');
    if (!row) return '';
    return `${row.armLabel}: ${percentText(row.rate)} [${percentText(row.low)}, ${percentText(row.high)}], ${row.errors}/${row.n}`;
  };
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: { labels: categories.map(labelOf), datasets },
    options: {
      scales: { y: { min: 0, max: 100, title: { display: true, text: 'Error rate (%)' } } },
      plugins: {
        intervals: { axis: 'y', byDataset: intervals },
        tooltip: { callbacks: { label: tooltip } },
      },
    },
  };
  return { config, categories };
}

/** Error rate per task family, one bar per arm, with Wilson 95% whiskers. */
export function familyRateChart(rows: readonly FamilyRateRow[]): ChartSpec {
  const { config, categories } = rateBars(
    rows,
    (row) => row.family,
    (family) => family,
  );
  const pick = (_d: number, i: number) => {
    const family = rows.find((row) => row.family === categories[i])?.family;
    return family ? { kind: 'family' as const, family } : null;
  };
  return {
    config,
    pick,
    summary: `Error rate per task family and arm for ${categories.length} families; the table below lists every value.`,
  };
}

/** Error rate by setup (question only → + context → + false belief), one bar per arm. */
export function setupRateChart(rows: readonly SetupRateRow[]): ChartSpec {
  const { config, categories } = rateBars(
    rows,
    (row) => row.setup,
    (setup) => SETUP_LABELS[setup as SetupRateRow['setup']],
  );
  const pick = (_d: number, i: number) => {
    const setup = rows.find((row) => row.setup === categories[i])?.setup;
    return setup ? { kind: 'setup' as const, setup } : null;
  };
  return {
    config,
    pick,
    summary:
      'Error rate as framing is added: question only, then an interpersonal context, then a false belief.',
  };
}

function styleBars(
  rows: readonly ArmStyleRow[],
  value: (row: ArmStyleRow) => number,
  axis: string,
  intervals: Interval[] | null,
): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels: rows.map((row) => row.armLabel),
      datasets: [
        {
          label: axis,
          data: rows.map(value),
          backgroundColor: rows.map((row) => ROLE_COLOURS[row.role]),
        },
      ],
    },
    options: {
      scales: { y: { min: 0, title: { display: true, text: axis } } },
      plugins: {
        legend: { display: false },
        ...(intervals ? { intervals: { axis: 'y', byDataset: [intervals] } } : {}),
      },
    },
  };
}

/** Mean response length per arm (words) with a 95% interval. */
export function lengthChart(rows: readonly ArmStyleRow[]): ChartSpec {
  const intervals = rows.map((row): Interval => [row.meanWordsLow, row.meanWordsHigh]);
  return {
    config: styleBars(rows, (row) => row.meanWords, 'Mean words per response', intervals),
    summary: 'Mean response length per arm.',
  };
}

/** The lexicon warmth indicator per arm (cues per 100 words). */
export function warmthChart(rows: readonly ArmStyleRow[]): ChartSpec {
  return {
    config: styleBars(rows, (row) => row.warmthPer100, 'Warmth cues per 100 words', null),
    summary: 'Warmth indicator per arm; the warm arm should score higher.',
  };
}
