/**
 * The life of one chart.js instance: creation when first seen, cheap updates, resizes, clicks,
 * PNG export and destruction.
 *
 * Invariants: updates never animate (the dashboard redraws up to ~3 times a second); a chart is
 * created only once its canvas scrolls into view (or its PNG is asked for), and a chart out of
 * view is only redrawn when it scrolls back in; a host that was destroyed while chart.js was
 * loading never creates its chart.
 *
 * Main-thread budget: creating or redrawing one chart costs ~5-40 ms, so every chart job goes
 * through one shared queue that runs ONE job per task, each task started just after a frame was
 * rendered (so size reads find a clean layout instead of forcing one). A chart is created in two
 * jobs: first with empty data (scales, layout), then drawn with its data; a host queued twice
 * runs once, with its latest spec and size. chart.js's own responsive mode is off (it reads
 * styles at creation and redraws inside its observer callback): the host measures its box
 * once, and its own ResizeObserver turns size changes into resize jobs in the same queue.
 */
import type { Chart, ChartConfiguration } from 'chart.js';
import type { Selection } from '../../../core/dashboard';
import { loadChart } from './chartLoader';

/** A chart's configuration plus how a clicked mark maps back to the answers behind it. */
export interface ChartSpec {
  config: ChartConfiguration;
  pick?: (datasetIndex: number, index: number) => Selection | null;
  /** One sentence describing the chart for screen readers. */
  summary: string;
}

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

interface Size {
  width: number;
  height: number;
}

export class ChartHost {
  #chart: Chart | null = null;
  #ChartClass: typeof Chart | null = null;
  #spec: ChartSpec;
  #isDestroyed = false;
  #isVisible = typeof IntersectionObserver === 'undefined';
  #isStale = false;
  /** The box's latest size when the chart has not been resized to it yet. */
  #pendingSize: Size | null = null;
  #visibility: IntersectionObserver | null = null;
  #resizes: ResizeObserver | null = null;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    spec: ChartSpec,
    private readonly onPick: (selection: Selection) => void,
  ) {
    this.#spec = spec;
  }

  /** Loads chart.js, then creates the chart in its turn in the queue once it is in view. */
  async start(): Promise<void> {
    this.#ChartClass = await loadChart();
    if (this.#isDestroyed) return;
    if (typeof IntersectionObserver === 'undefined') return enqueue(this);
    this.#visibility = new IntersectionObserver((entries) => this.#onVisibility(entries));
    this.#visibility.observe(this.canvas);
  }

  /** Redraws with `spec` in its turn; a chart out of view redraws when it comes back. */
  update(spec: ChartSpec): void {
    this.#spec = spec;
    this.#isStale = true;
    if (this.#chart && this.#isVisible) enqueue(this);
  }

  /** The queued job: create, resize or redraw the chart (called by the shared queue only). */
  runJob(): void {
    if (this.#isDestroyed) return;
    if (!this.#chart) return this.#create();
    if (this.#pendingSize) {
      const { width, height } = this.#pendingSize;
      this.#pendingSize = null;
      this.#chart.resize(width, height);
      if (this.#isStale) enqueue(this);
      return;
    }
    if (this.#isStale) this.#draw();
  }

  #create(): void {
    if (!this.#ChartClass) return;
    const box = this.canvas.parentElement;
    // Measured once here (layout is fresh after a frame); later sizes come from the observer.
    const size = box ? { width: box.clientWidth, height: box.clientHeight } : null;
    if (size && size.width > 0 && size.height > 0) {
      this.canvas.width = size.width;
      this.canvas.height = size.height;
    }
    // Empty first (axes, layout), data in the next job: two shorter tasks instead of one long.
    const config = withoutData(this.#withHandlers(this.#spec.config));
    this.#chart = new this.#ChartClass(this.canvas, config);
    this.#isStale = true;
    enqueue(this);
    if (!box || typeof ResizeObserver === 'undefined') return;
    this.#resizes = new ResizeObserver((entries) => this.#onResize(entries));
    this.#resizes.observe(box);
  }

  #onResize(entries: ResizeObserverEntry[]): void {
    const box = entries[entries.length - 1]?.contentRect;
    if (!box || !this.#chart || box.width <= 0 || box.height <= 0) return;
    const size = { width: Math.round(box.width), height: Math.round(box.height) };
    // The observer's first report is usually the size the chart was created with: no job.
    const current = this.#pendingSize ?? { width: this.#chart.width, height: this.#chart.height };
    if (size.width === current.width && size.height === current.height) return;
    this.#pendingSize = size;
    if (this.#isVisible) enqueue(this);
  }

  #onVisibility(entries: IntersectionObserverEntry[]): void {
    this.#isVisible = entries.some((entry) => entry.isIntersecting);
    if (!this.#isVisible) return;
    if (!this.#chart || this.#isStale || this.#pendingSize) enqueue(this);
  }

  #draw(): void {
    this.#isStale = false;
    const chart = this.#chart;
    if (!chart) return;
    const config = this.#withHandlers(this.#spec.config);
    chart.data = config.data;
    if (config.options) chart.options = config.options;
    chart.update('none');
  }

  /** The chart as a PNG data URL (created and drawn now if still waiting), or null. */
  toPng(): string | null {
    queued.delete(this);
    if (!this.#chart) this.#create();
    queued.delete(this);
    if (this.#pendingSize) this.runJob();
    if (this.#isStale) this.#draw();
    return this.#chart ? this.#chart.toBase64Image('image/png', 1) : null;
  }

  destroy(): void {
    this.#isDestroyed = true;
    queued.delete(this);
    this.#visibility?.disconnect();
    this.#resizes?.disconnect();
    this.#chart?.destroy();
    this.#chart = null;
  }

  #withHandlers(config: ChartConfiguration): ChartConfiguration {
    return {
      ...config,
      options: {
        ...config.options,
        animation: false,
        responsive: false,
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
