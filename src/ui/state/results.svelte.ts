/**
 * State of the Analyse results view.
 *
 * Owns: which data set is open (this browser's runs or imported files), the analysis mode and
 * device option, the running task (progress, cancel) and the last analysis. Invariants: a new
 * data set replaces the old one only after it was read AND analysed without error, so a bad
 * file changes nothing; all heavy work runs in the analysis worker; every failure ends up in
 * `error` as a sentence naming the file/line when known.
 */
import type { ResultsBundle } from '../../core/results';
import type { AnalysisMode } from '../../core/stats/outcomes';
import type { AppState } from './app.svelte';
import { AnalysisClient, CancelledError } from './analysisClient';
import type { ExportFile } from '../../core/results/exportFiles';
import {
  exportAnalysisJson,
  exportBundles,
  exportLongCsv,
  exportPaperLayout,
} from '../../core/results/exportFiles';
import { PowerState } from './resultsPower.svelte';
import type { GradingState } from './grading.svelte';
import { getGradingState } from './grading.svelte';
import type { GradingConvention } from '../../core/types';
import type {
  AnalysisInput,
  AnalysisOutcome,
  ImportFileInput,
  ImportedData,
  RecordData,
} from '../../workers/analysisProtocol';
import type { RunChoice } from '../../core/results/runBundles';
import { bundleRuns, listRunChoices, runsAsData } from '../../core/results/runBundles';

/** File types a folder import reads; everything else in the folder is skipped. */
const READABLE_FILE = /\.(csv|json)$/i;

export interface TaskProgress {
  stage: string;
  done: number;
  total: number;
  startedAt: number;
  updatedAt: number;
}

/** An open data set and where it came from. */
export interface OpenData {
  origin: 'browser' | 'files';
  data: ImportedData;
  /** This browser's runs as bundles (for the bundle export); empty for imported files. */
  bundles: ResultsBundle[];
}

/** A picked file with the path messages should name. */
export interface PickedFile {
  file: Blob;
  name: string;
  relativePath?: string;
}

export class ResultsState {
  readonly #app: AppState;
  readonly #client = new AnalysisClient();
  readonly #grading: GradingState;
  /** The picked files, kept to read them again under another convention. */
  #files: ImportFileInput[] = [];
  #runs = $state.raw<RunChoice[]>([]);
  #chosenRunIds = $state.raw<string[]>([]);
  #open = $state.raw<OpenData | null>(null);
  #outcome = $state.raw<AnalysisOutcome | null>(null);
  #mode = $state<AnalysisMode>('paper');
  #isDeviceFactor = $state(true);
  #task = $state.raw<TaskProgress | null>(null);
  #error = $state<string | null>(null);
  #status = $state('');
  readonly power = new PowerState(() => this.#outcome?.report.questionIcc.icc ?? null);

  readonly etaMs: number | null = $derived.by(() => {
    const task = this.#task;
    if (!task || task.done <= 0 || task.done >= task.total) return null;
    const elapsed = task.updatedAt - task.startedAt;
    return (elapsed * (task.total - task.done)) / task.done;
  });

  /** "3 / 5" for stages, a percentage for byte and character counts. */
  readonly progressText: string = $derived.by(() => {
    const task = this.#task;
    if (!task) return '';
    if (task.total <= 100) return `${task.done} / ${task.total}`;
    return `${Math.floor((task.done / task.total) * 100)}%`;
  });

  readonly records: RecordData | null = $derived(
    this.#open?.data.kind === 'records' ? this.#open.data : null,
  );

  constructor(app: AppState) {
    this.#app = app;
    this.#grading = getGradingState(app);
  }

  /** The convention the shown results were counted under (the app-wide one before any). */
  get convention(): GradingConvention {
    return this.#outcome?.convention ?? this.#grading.convention;
  }

  /**
   * Counts the open data under the app-wide convention when it changed: this browser's runs are
   * analysed again; files are read again, since their blank evaluations are graded on reading.
   */
  async followConvention(): Promise<void> {
    const open = this.#open;
    if (!open || this.#task || this.#outcome?.convention === this.#grading.convention) return;
    if (open.origin === 'browser') return this.reanalyse();
    const files = this.#files;
    await this.#work('Grading again', async () => {
      const data = await this.#client.importFiles(files, this.#progress, this.#grading.convention);
      await this.#commit({ origin: 'files', data, bundles: [] });
    });
  }

  get runs(): RunChoice[] {
    return this.#runs;
  }
  get chosenRunIds(): string[] {
    return this.#chosenRunIds;
  }
  get open(): OpenData | null {
    return this.#open;
  }
  get outcome(): AnalysisOutcome | null {
    return this.#outcome;
  }
  get mode(): AnalysisMode {
    return this.#mode;
  }
  get isDeviceFactor(): boolean {
    return this.#isDeviceFactor;
  }
  get task(): TaskProgress | null {
    return this.#task;
  }
  get isBusy(): boolean {
    return this.#task !== null;
  }
  get error(): string | null {
    return this.#error;
  }
  get status(): string {
    return this.#status;
  }

  async refreshRuns(): Promise<void> {
    const runs = await this.#app.storage.attempt((repos) => listRunChoices(repos));
    if (!runs) return;
    this.#runs = runs;
    this.#chosenRunIds = this.#chosenRunIds.filter((id) => runs.some((c) => c.run.id === id));
  }

  toggleRun(runId: string): void {
    const ids = this.#chosenRunIds;
    this.#chosenRunIds = ids.includes(runId) ? ids.filter((id) => id !== runId) : [...ids, runId];
  }

  /** Opens and analyses the chosen runs of this browser. */
  async analyseRuns(): Promise<void> {
    const runIds = this.#chosenRunIds;
    if (runIds.length === 0) return this.#fail('Choose at least one run to analyse.');
    await this.#work('Reading runs from this browser', async () => {
      const warnings: string[] = [];
      const bundles = await this.#app.storage.attempt((repos) =>
        bundleRuns(repos, runIds, warnings, {
          appVersion: __APP_VERSION__,
          userAgent: globalThis.navigator?.userAgent ?? '',
        }),
      );
      if (!bundles) throw new Error('The runs could not be read from storage (see the banner).');
      const data = runsAsData(bundles, warnings);
      await this.#commit({ origin: 'browser', data, bundles });
    });
  }

  /** Reads, pools and analyses picked files (all or nothing). */
  async importFiles(picked: readonly PickedFile[]): Promise<void> {
    const readable = picked.filter((entry) => READABLE_FILE.test(entry.name));
    const skipped = picked.length - readable.length;
    if (readable.length === 0) return this.#fail('No .csv or .json results files were chosen.');
    const files: ImportFileInput[] = readable.map((entry) => ({
      file: entry.file,
      path: entry.relativePath || entry.name,
    }));
    await this.#work('Reading files', async () => {
      const data = await this.#client.importFiles(files, this.#progress, this.#grading.convention);
      await this.#commit({ origin: 'files', data, bundles: [] });
      this.#files = files;
      if (skipped > 0) this.#status += ` Skipped ${skipped} file(s) that are not .csv or .json.`;
    });
  }

  setMode(mode: AnalysisMode): void {
    if (mode === this.#mode) return;
    this.#mode = mode;
    void this.reanalyse();
  }

  setDeviceFactor(isDeviceFactor: boolean): void {
    this.#isDeviceFactor = isDeviceFactor;
    if (this.#open?.data.kind === 'records') void this.reanalyse();
  }

  /** Analyses the open data set again (after a mode or option change). */
  async reanalyse(): Promise<void> {
    const open = this.#open;
    if (!open || this.#task) return;
    await this.#work('Analysing', async () => {
      this.#outcome = await this.#analyse(open.data);
      this.#status = this.#describe(open, this.#outcome);
    });
    // After a failed or cancelled run the shown results keep their mode; so does the switch.
    if (this.#outcome) this.#mode = this.#outcome.report.mode;
  }

  /** Stops the running import or analysis; what was open before stays open. */
  cancel(): void {
    this.#client.cancel();
  }

  exportAnalysis(): ExportFile | null {
    return this.#outcome ? this.#noted(exportAnalysisJson(this.#outcome)) : null;
  }
  exportLongCsv(): ExportFile | null {
    return this.records
      ? this.#noted(exportLongCsv(this.records.pooled, __APP_VERSION__, this.#grading.convention))
      : null;
  }
  exportPaperLayout(): ExportFile | null {
    const { convention } = this.#grading;
    return this.records
      ? this.#noted(exportPaperLayout(this.records.pooled, undefined, convention))
      : null;
  }
  exportBundles(): ExportFile | null {
    const file = exportBundles(this.#open?.bundles ?? []);
    return file ? this.#noted(file) : null;
  }

  #noted(file: ExportFile): ExportFile {
    this.#status = file.summary;
    return file;
  }

  #progress = (stage: string, done: number, total: number): void => {
    // A phase (reading a file, the analysis stages) keeps its start while its total holds.
    const startedAt = this.#task?.total === total ? this.#task.startedAt : Date.now();
    this.#task = { stage, done, total, startedAt, updatedAt: Date.now() };
  };

  #inputOf(data: ImportedData): AnalysisInput {
    if (data.kind === 'table') return data;
    const { records, items } = data.pooled;
    const { convention } = this.#grading;
    return { kind: 'records', records, items, isDeviceFactor: this.#isDeviceFactor, convention };
  }

  #analyse(data: ImportedData): Promise<AnalysisOutcome> {
    return this.#client.analyse(this.#inputOf(data), this.#mode, this.#progress);
  }

  async #commit(open: OpenData): Promise<void> {
    const outcome = await this.#analyse(open.data);
    this.#open = open;
    this.#outcome = outcome;
    this.#status = this.#describe(open, outcome);
  }

  #describe(open: OpenData, outcome: AnalysisOutcome): string {
    const { rows_analysed: rows, mode } = outcome.report;
    const seconds = (outcome.elapsedMs / 1000).toFixed(1);
    const what = open.origin === 'browser' ? 'runs from this browser' : 'imported files';
    return `Analysed ${rows} rows of ${what} in ${seconds} s (${mode} mode).`;
  }

  async #work(stage: string, action: () => Promise<void>): Promise<void> {
    if (this.#task) return;
    this.#error = null;
    this.#status = '';
    this.#task = { stage, done: 0, total: 1, startedAt: Date.now(), updatedAt: Date.now() };
    try {
      await action();
    } catch (error) {
      if (error instanceof CancelledError) this.#status = 'Cancelled; nothing was changed.';
      else this.#fail(error instanceof Error ? error.message : String(error));
    } finally {
      this.#task = null;
    }
  }

  #fail(message: string): void {
    this.#error = message;
  }
}
