/**
 * Two tiny chart.js plugins: whiskers for 95% intervals and a white background for PNGs.
 *
 * Owns: drawing intervals from `options.plugins.intervals.byDataset[d][i]` = [low, high] in
 * data units along `axis` ('y' for vertical bars and points, 'x' for horizontal dot plots),
 * centred on each element. Invariants: a null interval draws nothing; hidden datasets are
 * skipped; the background plugin paints behind everything so exported PNGs are not transparent.
 */
import type { Chart, ChartType, Plugin } from 'chart.js';

export interface IntervalOptions {
  axis: 'x' | 'y';
  byDataset: (([number, number] | null)[] | undefined)[];
}

declare module 'chart.js' {
  // The type parameter must repeat chart.js's own declaration for the interfaces to merge.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    intervals?: IntervalOptions;
  }
}

const CAP_PX = 4;

function drawWhisker(
  chart: Chart,
  at: { x: number; y: number },
  from: number,
  to: number,
  axis: 'x' | 'y',
): void {
  const { ctx } = chart;
  ctx.beginPath();
  if (axis === 'y') {
    ctx.moveTo(at.x, from);
    ctx.lineTo(at.x, to);
    for (const end of [from, to]) {
      ctx.moveTo(at.x - CAP_PX, end);
      ctx.lineTo(at.x + CAP_PX, end);
    }
  } else {
    ctx.moveTo(from, at.y);
    ctx.lineTo(to, at.y);
    for (const end of [from, to]) {
      ctx.moveTo(end, at.y - CAP_PX);
      ctx.lineTo(end, at.y + CAP_PX);
    }
  }
  ctx.stroke();
}

export const intervalPlugin: Plugin = {
  id: 'intervals',
  afterDatasetsDraw(chart) {
    const axis = chart.options.plugins?.intervals?.axis;
    const byDataset = chart.options.plugins?.intervals?.byDataset;
    const scale = axis ? chart.scales[axis] : undefined;
    if (!axis || !byDataset || !scale) return;
    const { ctx } = chart;
    ctx.save();
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = '#1b1b1b';
    byDataset.forEach((intervals, d) => {
      if (!intervals || !chart.isDatasetVisible(d)) return;
      chart.getDatasetMeta(d).data.forEach((element, i) => {
        const [low, high] = intervals[i] ?? [];
        if (low === undefined || high === undefined) return;
        const from = scale.getPixelForValue(low);
        const to = scale.getPixelForValue(high);
        drawWhisker(chart, { x: element.x, y: element.y }, from, to, axis);
      });
    });
    ctx.restore();
  },
};

export const whiteBackgroundPlugin: Plugin = {
  id: 'whiteBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};
