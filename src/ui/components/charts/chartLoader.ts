/**
 * Loading, registering and warming up chart.js.
 *
 * Owns: the chart.js import. chart.js is loaded with a dynamic import the first time it is
 * needed, so it is not in the start-up bundle, and only the controllers, elements, scales and
 * plugins the dashboard uses are registered. Invariants: each step below runs in a task of its
 * own, so none is a long task; warming up is best effort (a failure is left for the first real
 * chart to report) and happens at most once.
 *
 * Why warm up: the first chart a page creates pays one-off costs (compiling chart.js's layout,
 * scale and drawing code, the locale's number-format data) of ~30-70 ms in one task. The
 * experiments view warms up while the user is still looking at the builder, so a run's live
 * charts only pay their own, smaller, costs.
 */
import type { Chart, ChartConfiguration } from 'chart.js';
import { intervalPlugin, whiteBackgroundPlugin } from './plugins';

let loading: Promise<typeof Chart> | null = null;
let warming: Promise<void> | null = null;

/** Resolves in a later task (lets the page render and handle input in between). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function registerChart(): Promise<typeof Chart> {
  // Destructuring the dynamic import lets the bundler drop every chart.js part not named here.
  const {
    Chart: ChartClass,
    BarController,
    BarElement,
    ScatterController,
    PointElement,
  } = await import('chart.js');
  const { LineElement, CategoryScale, LinearScale, Tooltip, Legend } = await import('chart.js');
  await nextTask();
  ChartClass.register(BarController, BarElement, ScatterController, PointElement, LineElement);
  ChartClass.register(CategoryScale, LinearScale, Tooltip, Legend);
  ChartClass.register(intervalPlugin, whiteBackgroundPlugin);
  // The first number format loads the locale's ICU data (~20 ms): a task of its own.
  await nextTask();
  new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(0.5);
  return ChartClass;
}

/** Loads and registers chart.js once. */
export function loadChart(): Promise<typeof Chart> {
  loading ??= registerChart();
  return loading;
}

/** A small chart exercising the same code paths as the dashboard (category and linear scales). */
function warmUpConfig(type: 'bar' | 'scatter'): ChartConfiguration {
  const data =
    type === 'bar'
      ? { labels: ['a', 'b'], datasets: [{ label: 'x', data: [0.2, 0.4] }] }
      : { datasets: [{ label: 'x', data: [{ x: 0.1, y: 0.2 }] }] };
  return {
    type,
    data,
    options: {
      animation: false,
      responsive: false,
      plugins: { legend: { position: 'bottom' } },
      scales: { y: { min: 0, max: 1, title: { display: true, text: 'y' } } },
    },
  } as ChartConfiguration;
}

async function warmUp(): Promise<void> {
  const ChartClass = await loadChart();
  for (const type of ['bar', 'scatter'] as const) {
    await nextTask();
    // A detached canvas: nothing is laid out or shown, but the code paths get compiled.
    const canvas = document.createElement('canvas');
    canvas.width = 400;
    canvas.height = 300;
    const chart = new ChartClass(canvas, warmUpConfig(type));
    await nextTask();
    chart.update('none');
    chart.destroy();
  }
}

/** Loads chart.js and draws two throwaway charts off-screen, once, in short tasks. */
export function warmUpCharts(): Promise<void> {
  warming ??= warmUp().catch(() => undefined);
  return warming;
}
