/**
 * The life of one chart.js instance: lazy loading of chart.js, creation, cheap updates,
 * clicks, PNG export and destruction.
 *
 * Owns: the chart.js import. chart.js is loaded with a dynamic import the first time a chart
 * is shown, so it is not in the start-up bundle, and only the controllers, elements, scales and
 * plugins the dashboard uses are registered. Invariants: updates never animate (the dashboard
 * redraws up to ~3 times a second) and a chart out of view is only redrawn when it scrolls back
 * in; a host that was destroyed while chart.js was loading never creates its chart.
 *
 * Main-thread budget: creating or redrawing one chart costs ~5-40 ms, so every chart job goes
 * through one shared queue that runs ONE job per task, each task started just after a frame was
 * rendered (so chart.js's size reads find a clean layout instead of forcing one). A chart is
 * created in two jobs: first with empty data (scales, layout), then drawn with its data; a host
 * queued twice runs once, with its latest spec. Resizes are deferred by chart.js's `resizeDelay`,
 * so each chart redraws in its own timer task instead of all of them inside one ResizeObserver
 * callback.
 */
import type { Chart, ChartConfiguration } from 'chart.js';
import type { Selection } from '../../../core/dashboard';
import { intervalPlugin, whiteBackgroundPlugin } from './plugins';

/** A chart's configuration plus how a clicked mark maps back to the answers behind it. */
export interface ChartSpec {
  config: ChartConfiguration;
  pick?: (datasetIndex: number, index: number) => Selection | null;
  /** One sentence describing the chart for screen readers. */
  summary: string;
}

let loading: Promise<typeof Chart> | null = null;

/** chart.js `resizeDelay`: a resize redraws from a timer, not inside the observer callback. */
const RESIZE_DELAY_MS = 16;

/** Hosts with a pending job, in the order they asked (a Set keeps one entry per host). */
const queued = new Set<ChartHost>();
let isQueueScheduled = false;

/** After the next frame (layout fresh), in a task of its own; a plain timer without frames. */
function afterFrame(run: () => void): void {
  if (typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible') {
    requestAnimationFrame(() => setTimeout(run, 0));
  } else {
    setTimeout(run, 0);
  }
}

function scheduleQueue(): void {
  if (isQueueScheduled || queued.size === 0) return;
  isQueueScheduled = true;
  afterFrame(runQueue);
}

function runQueue(): void {
  isQueueScheduled = false;
  const next = queued.values().next();
  if (!next.done) {
    queued.delete(next.value);
    next.value.runJob();
  }
  scheduleQueue();
}

function enqueue(host: ChartHost): void {
  queued.add(host);
  scheduleQueue();
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
  ChartClass.register(BarController, BarElement, ScatterController, PointElement, LineElement);
  ChartClass.register(CategoryScale, LinearScale, Tooltip, Legend);
  ChartClass.register(intervalPlugin, whiteBackgroundPlugin);
  // The first number format loads the locale's ICU data (~20 ms); pay for it in its own task,
  // not inside the first chart's creation.
  await new Promise((resolve) => setTimeout(resolve, 0));
  new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(0.5);
  return ChartClass;
}

/** Loads and registers chart.js once. */
export function loadChart(): Promise<typeof Chart> {
  loading ??= registerChart();
  return loading;
}

export class ChartHost {
  #chart: Chart | null = null;
  #ChartClass: typeof Chart | null = null;
  #spec: ChartSpec;
  #isDestroyed = false;
  #isVisible = true;
  #isStale = false;
  #observer: IntersectionObserver | null = null;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    spec: ChartSpec,
    private readonly onPick: (selection: Selection) => void,
  ) {
    this.#spec = spec;
  }

  /** Loads chart.js, then creates the chart with the latest spec in its turn in the queue. */
  async start(): Promise<void> {
    this.#ChartClass = await loadChart();
    if (this.#isDestroyed) return;
    enqueue(this);
  }

  /** Redraws with `spec` in its turn; a chart scrolled out of view redraws when it comes back. */
  update(spec: ChartSpec): void {
    this.#spec = spec;
    if (!this.#isVisible) {
      this.#isStale = true;
      return;
    }
    if (this.#chart) enqueue(this);
  }

  /** The queued job: create the chart or redraw it (called by the shared queue only). */
  runJob(): void {
    if (this.#isDestroyed) return;
    if (this.#chart) return this.#draw();
    if (!this.#ChartClass) return;
    // Empty first (axes, layout), data in the next job: two shorter tasks instead of one long.
    this.#chart = new this.#ChartClass(
      this.canvas,
      withoutData(this.#withHandlers(this.#spec.config)),
    );
    enqueue(this);
    if (typeof IntersectionObserver === 'undefined') return;
    this.#observer = new IntersectionObserver((entries) => this.#onVisibility(entries));
    this.#observer.observe(this.canvas);
  }

  #onVisibility(entries: IntersectionObserverEntry[]): void {
    this.#isVisible = entries.some((entry) => entry.isIntersecting);
    if (this.#isVisible && this.#isStale) enqueue(this);
  }

  #draw(): void {
    this.#isStale = false;
    const spec = this.#spec;
    const chart = this.#chart;
    if (!chart) return;
    const config = this.#withHandlers(spec.config);
    chart.data = config.data;
    if (config.options) chart.options = config.options;
    chart.update('none');
  }

  /** The chart as a PNG data URL, or null before it is drawn. */
  toPng(): string | null {
    // A redraw still waiting in the queue is done now, so the image shows the latest data.
    if (this.#isStale || queued.delete(this)) this.#draw();
    return this.#chart ? this.#chart.toBase64Image('image/png', 1) : null;
  }

  destroy(): void {
    this.#isDestroyed = true;
    queued.delete(this);
    this.#observer?.disconnect();
    this.#chart?.destroy();
    this.#chart = null;
  }

  #withHandlers(config: ChartConfiguration): ChartConfiguration {
    return {
      ...config,
      options: {
        ...config.options,
        animation: false,
        responsive: true,
        resizeDelay: RESIZE_DELAY_MS,
        maintainAspectRatio: false,
        onClick: (_event, elements) => {
          const first = elements[0];
          const selection = first ? this.#spec.pick?.(first.datasetIndex, first.index) : null;
          if (selection) this.onPick(selection);
        },
      },
    } as ChartConfiguration;
  }
}

/** The configuration without data points or category labels (measuring labels is costly). */
function withoutData(config: ChartConfiguration): ChartConfiguration {
  const datasets = config.data.datasets.map((dataset) => ({ ...dataset, data: [] }));
  const labels = config.data.labels === undefined ? {} : { labels: [] };
  return { ...config, data: { ...config.data, ...labels, datasets } } as ChartConfiguration;
}
