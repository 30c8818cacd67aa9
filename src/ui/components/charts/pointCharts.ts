/**
 * chart.js configurations of the dashboard's point charts: change in error per context ×
 * belief (paper Fig. 5), base vs warm error per family × context (Fig. 2), and this run next to
 * the paper's published effects.
 *
 * Owns: presentation only. Dot plots put categories on a numeric axis (category index, with a
 * small offset per series so the marks of one row do not overlap) because chart.js scatter
 * charts need numeric axes; tick labels map indices back to names. Invariants: intervals are
 * drawn as whiskers along x; belief-present points are hollow and belief-absent filled, and
 * every series also differs by point shape.
 */
import type { ChartConfiguration, TooltipItem } from 'chart.js';
import type {
  ContextBeliefEffect,
  PaperComparisonRow,
  ScatterPoint,
  Selection,
} from '../../../core/dashboard';
import { paperRowSelection, ppText } from '../../../core/dashboard';
import { FAMILIES } from '../../../core/types';
import type { ChartSpec } from './chartHost';
import { BELIEF_STYLES, FAMILY_STYLES } from './palette';

const ROW_SPREAD = 0.5;

function categoryAxis(labels: readonly string[]) {
  return {
    min: -0.5,
    max: labels.length - 0.5,
    reverse: true,
    // One tick per category at its index: chart.js would otherwise start ticks at min (−0.5).
    afterBuildTicks: (axis: { ticks: { value: number }[] }) => {
      axis.ticks = labels.map((_label, value) => ({ value }));
    },
    ticks: { autoSkip: false, callback: (value: string | number) => labels[Number(value)] ?? '' },
    grid: { display: false },
  };
}

/** An x axis wide enough for every interval (chart.js only fits the points themselves). */
function ppAxis(intervals: readonly ([number, number] | null)[]) {
  const ends = intervals.flatMap((interval) => interval ?? []);
  const padding = 2;
  return {
    title: { display: true, text: 'Change in error, warm − base (pp)' },
    grid: zeroLine,
    ...(ends.length
      ? {
          min: Math.floor(Math.min(0, ...ends) - padding),
          max: Math.ceil(Math.max(0, ...ends) + padding),
        }
      : {}),
  };
}

const LEGEND = { position: 'bottom' as const, labels: { usePointStyle: true, boxWidth: 8 } };

const zeroLine = {
  color: (ctx: { tick?: { value: number } }) => (ctx.tick?.value === 0 ? '#1b1b1b' : '#e5e2dc'),
};

/** One belief's effects as a series of marks, each on its context's row (offset per belief). */
function beliefDataset(
  rows: ContextBeliefEffect[],
  b: number,
  yOf: (row: ContextBeliefEffect) => number,
) {
  const style = BELIEF_STYLES[b % BELIEF_STYLES.length]!;
  return {
    label: rows[0]?.beliefLabel ?? '',
    data: rows.map((row) => ({ x: row.pp, y: yOf(row) })),
    backgroundColor: style.colour,
    borderColor: style.colour,
    pointStyle: style.shape,
    pointRadius: 5,
  };
}

/** The answers behind one context × belief mark. */
function selectEffect(row: ContextBeliefEffect | undefined): Selection | null {
  return row ? { kind: 'context-belief', context: row.context, belief: row.belief } : null;
}

/** Tooltip text of one context × belief effect (drawn on the canvas as text). */
function describeEffect(row: ContextBeliefEffect | undefined): string {
  return row
    ? `${row.contextLabel} · ${row.beliefLabel}: ${ppText(row.pp)} [${ppText(row.lowPp)}, ${ppText(row.highPp)}], ${row.n} pairs`
    : '';
}

/** Change in error (warm − base, pp) per context, one series per belief. */
export function effectsChart(rows: readonly ContextBeliefEffect[]): ChartSpec {
  const contexts = [...new Set(rows.map((r) => r.context))];
  const beliefs = [...new Set(rows.map((r) => r.belief))];
  const series = beliefs.map((belief, b) =>
    rows.filter((r) => r.belief === belief).map((row) => ({ row, b })),
  );
  const offset = (b: number) =>
    beliefs.length > 1 ? (b / (beliefs.length - 1) - 0.5) * ROW_SPREAD : 0;
  const datasets = series.map((list, b) =>
    beliefDataset(
      list.map(({ row }) => row),
      b,
      (row) => contexts.indexOf(row.context) + offset(b),
    ),
  );
  const labelsByContext = contexts.map((c) => rows.find((r) => r.context === c)?.contextLabel ?? c);
  const tooltip = (item: TooltipItem<'scatter'>) =>
    describeEffect(series[item.datasetIndex]?.[item.dataIndex]?.row);
  const config: ChartConfiguration<'scatter'> = {
    type: 'scatter',
    data: { datasets },
    options: {
      scales: {
        x: ppAxis(rows.map((row) => [row.lowPp, row.highPp])),
        y: categoryAxis(labelsByContext),
      },
      plugins: {
        intervals: {
          axis: 'x',
          byDataset: series.map((list) => list.map(({ row }) => [row.lowPp, row.highPp])),
        },
        tooltip: { callbacks: { label: tooltip } },
        legend: LEGEND,
      },
    },
  };
  return {
    config,
    pick: (d, i) => selectEffect(series[d]?.[i]?.row),
    summary: `Change in error for ${rows.length} context and belief combinations, with 95% intervals.`,
  };
}

const DIAGONAL = {
  label: 'No change (warm = base)',
  data: [
    { x: 0, y: 0 },
    { x: 100, y: 100 },
  ],
  showLine: true,
  pointRadius: 0,
  pointStyle: 'line' as const,
  borderColor: '#6b6b6b',
  borderDash: [4, 4],
};

interface PointGroup {
  family: (typeof FAMILIES)[number];
  isBeliefPresent: boolean;
  points: ScatterPoint[];
}

/** One group per family × belief present/absent, empty groups left out. */
function groupPoints(points: readonly ScatterPoint[]): PointGroup[] {
  return FAMILIES.flatMap((family) =>
    [false, true].map((isBeliefPresent) => ({
      family,
      isBeliefPresent,
      points: points.filter((p) => p.family === family && p.isBeliefPresent === isBeliefPresent),
    })),
  ).filter((g) => g.points.length > 0);
}

/** Filled marks for no stated belief, hollow marks for a false belief (the paper's Fig. 2). */
function groupDataset(g: PointGroup) {
  const style = FAMILY_STYLES[g.family];
  return {
    label: `${g.family}, ${g.isBeliefPresent ? 'false belief (hollow)' : 'no belief (filled)'}`,
    data: g.points.map((p) => ({ x: 100 * p.baseRate, y: 100 * p.warmRate })),
    pointStyle: style.shape,
    pointRadius: 6,
    borderColor: style.colour,
    borderWidth: 2,
    backgroundColor: g.isBeliefPresent ? '#ffffff' : style.colour,
  };
}

/** Base error (x) against warm error (y) with the no-change diagonal. */
export function baseWarmChart(points: readonly ScatterPoint[]): ChartSpec {
  const groups = groupPoints(points);
  const datasets = groups.map(groupDataset);
  const tooltip = (item: TooltipItem<'scatter'>) => {
    const p = groups[item.datasetIndex - 1]?.points[item.dataIndex];
    return p
      ? `${p.label}: base ${(100 * p.baseRate).toFixed(1)}%, warm ${(100 * p.warmRate).toFixed(1)}%, ${p.n} pairs`
      : '';
  };
  const axis = (text: string) => ({ min: 0, max: 100, title: { display: true, text } });
  const config: ChartConfiguration<'scatter'> = {
    type: 'scatter',
    data: { datasets: [DIAGONAL, ...datasets] },
    options: {
      scales: { x: axis('Base error (%)'), y: axis('Warm error (%)') },
      plugins: {
        legend: LEGEND,
        tooltip: { callbacks: { label: tooltip } },
      },
    },
  };
  const pick = (d: number, i: number): Selection | null => {
    const p = groups[d - 1]?.points[i];
    return p
      ? { kind: 'point', family: p.family, context: p.context, isBeliefPresent: p.isBeliefPresent }
      : null;
  };
  return {
    config,
    pick,
    summary: `${points.length} family and context points; points above the diagonal are worse when warm.`,
  };
}

/** Every value the paper chart's x axis must show: this run's intervals and the paper's points. */
function paperRanges(rows: readonly PaperComparisonRow[]): ([number, number] | null)[] {
  return [
    ...rows.map((row): [number, number] | null =>
      row.yours ? [row.yours.lowPp, row.yours.highPp] : null,
    ),
    ...rows.map((row): [number, number] => [row.paperPp ?? 0, row.paperPp ?? 0]),
  ];
}

/** Circles for this run, diamonds for the published values. */
function paperDatasets(yours: { x: number; y: number }[], paper: { x: number; y: number }[]) {
  return [
    {
      label: 'This run',
      data: yours,
      backgroundColor: '#c0560b',
      borderColor: '#c0560b',
      pointStyle: 'circle' as const,
      pointRadius: 5,
    },
    {
      label: 'Paper',
      data: paper,
      backgroundColor: '#1b1b1b',
      pointStyle: 'rectRot' as const,
      pointRadius: 6,
    },
  ];
}

/** This run's effects with 95% intervals next to the paper's published values (diamonds). */
export function paperChart(allRows: readonly PaperComparisonRow[]): ChartSpec {
  const rows = allRows.filter((row) => row.paperPp !== null);
  const yours = rows.flatMap((row, i) =>
    row.yours ? [{ row, point: { x: row.yours.pp, y: i - 0.1 } }] : [],
  );
  const paper = rows.map((row, i) => ({ x: row.paperPp ?? 0, y: i + 0.1 }));
  const config: ChartConfiguration<'scatter'> = {
    type: 'scatter',
    data: {
      datasets: paperDatasets(
        yours.map((y) => y.point),
        paper,
      ),
    },
    options: {
      scales: {
        x: ppAxis(paperRanges(rows)),
        y: categoryAxis(rows.map((row) => row.label)),
      },
      plugins: {
        legend: LEGEND,
        intervals: {
          axis: 'x',
          byDataset: [
            yours.map(({ row }) => (row.yours ? [row.yours.lowPp, row.yours.highPp] : null)),
          ],
        },
      },
    },
  };
  const pick = (d: number, i: number): Selection | null => {
    const row = d === 0 ? yours[i]?.row : rows[i];
    return row ? paperRowSelection(row) : null;
  };
  return {
    config,
    pick,
    summary: 'Your warm − base effects with 95% intervals next to the published ones.',
  };
}
