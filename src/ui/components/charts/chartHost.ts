/**
 * The life of one chart.js instance: lazy loading of chart.js, creation, cheap updates,
 * clicks, PNG export and destruction.
 *
 * Owns: the chart.js import. chart.js is loaded with a dynamic import the first time a chart
 * is shown, so it is not in the start-up bundle, and only the controllers, elements, scales and
 * plugins the dashboard uses are registered. Invariants: updates never animate (the dashboard
 * redraws up to ~3 times a second) and a chart out of view is only redrawn when it scrolls back
 * in; a host that was destroyed while chart.js was loading never
 * creates its chart.
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
  return ChartClass;
}

/** Loads and registers chart.js once. */
export function loadChart(): Promise<typeof Chart> {
  loading ??= registerChart();
  return loading;
}

export class ChartHost {
  #chart: Chart | null = null;
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

  /** Loads chart.js and draws the latest spec. */
  async start(): Promise<void> {
    const ChartClass = await loadChart();
    if (this.#isDestroyed) return;
    this.#chart = new ChartClass(this.canvas, this.#withHandlers(this.#spec.config));
    if (typeof IntersectionObserver === 'undefined') return;
    this.#observer = new IntersectionObserver((entries) => this.#onVisibility(entries));
    this.#observer.observe(this.canvas);
  }

  /** Redraws with `spec`; a chart scrolled out of view only redraws when it comes back. */
  update(spec: ChartSpec): void {
    this.#spec = spec;
    if (!this.#isVisible) {
      this.#isStale = true;
      return;
    }
    this.#draw();
  }

  #onVisibility(entries: IntersectionObserverEntry[]): void {
    this.#isVisible = entries.some((entry) => entry.isIntersecting);
    if (this.#isVisible && this.#isStale) this.#draw();
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
    if (this.#isStale) this.#draw();
    return this.#chart ? this.#chart.toBase64Image('image/png', 1) : null;
  }

  destroy(): void {
    this.#isDestroyed = true;
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
