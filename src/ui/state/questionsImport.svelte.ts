/**
 * One question-file import, from choosing a file (or URL) to the saved set.
 *
 * Owns: the import's phase, the file, its detected format, byte progress, the generic mapper's
 * columns and mapping, the validation report and the set name. Invariants: nothing is stored
 * until the user has seen the report and pressed Save, and then all-or-nothing
 * (`saveSet`); a fatal error or a cancel leaves storage untouched and names the file; only one
 * import runs at a time (starting another cancels the current one). Parsing runs in a worker
 * (`runImport`), so a big file never freezes the page.
 */
import { ImportError, countByFamily } from '../../core/questions';
import type { ColumnMapping, FormatId, ImportResult, MappedRow } from '../../core/questions';
import type { Family } from '../../core/types';
import {
  cleanMapping,
  guessMapping,
  previewMapping,
  readMappingSample,
} from '../../core/questions/mappingPreview';
import type { MappedField, MappingPreview } from '../../core/questions/mappingPreview';
import {
  ImportCancelledError,
  detectFileFormat,
  estimateRemainingMs,
} from '../../core/questions/fileStream';
import { runImport } from './questionsImportClient';
import type { ByteProgress } from '../../core/questions/fileStream';
import { downloadAsFile, toFetchUrl } from '../../core/questions/urlDownload';
import type { StorageState } from './storage.svelte';
import type { SaveProgress } from '../../storage/questionSetsRepo';

export type ImportPhase = 'idle' | 'downloading' | 'mapping' | 'reading' | 'review' | 'saving';

const GENERIC_FORMATS: readonly FormatId[] = ['generic-csv', 'generic-json'];

/** "TruthfulQA.csv" → "TruthfulQA". */
function baseName(fileName: string): string {
  return fileName.replace(/\.[a-z0-9]+$/i, '') || fileName;
}

export class QuestionImportState {
  readonly #storage: StorageState;
  readonly #onSaved: () => Promise<void>;
  #phase = $state<ImportPhase>('idle');
  #file = $state.raw<Blob | null>(null);
  #fileName = $state('');
  #format = $state<FormatId | null>(null);
  #progress = $state.raw<ByteProgress | null>(null);
  #saved = $state.raw<SaveProgress | null>(null);
  #columns = $state.raw<string[]>([]);
  #sampleRows = $state.raw<MappedRow[]>([]);
  #mapping = $state.raw<ColumnMapping>({ family: 'factual', question: '' });
  #result = $state.raw<ImportResult | null>(null);
  #name = $state('');
  #url = $state('');
  #error = $state<string | null>(null);
  #notice = $state<string | null>(null);
  #controller: AbortController | null = null;

  constructor(storage: StorageState, onSaved: () => Promise<void>) {
    this.#storage = storage;
    this.#onSaved = onSaved;
  }

  preview: MappingPreview | null = $derived(
    this.#phase === 'mapping'
      ? previewMapping(this.#sampleRows, this.#mapping, this.#fileName)
      : null,
  );
  eta: number | null = $derived(this.#progress ? estimateRemainingMs(this.#progress) : null);
  familyCounts: Record<Family, number> | null = $derived(
    this.#result ? countByFamily(this.#result.items) : null,
  );

  get phase(): ImportPhase {
    return this.#phase;
  }
  get isBusy(): boolean {
    return ['downloading', 'reading', 'saving'].includes(this.#phase);
  }
  get fileName(): string {
    return this.#fileName;
  }
  get format(): FormatId | null {
    return this.#format;
  }
  /** "Saving 12,000 of 188,000 items…" while a save runs, else ''. */
  get saveStatus(): string {
    const saved = this.#saved;
    if (this.#phase !== 'saving' || !saved) return '';
    const count = (n: number) => n.toLocaleString('en');
    return `Saving ${count(saved.saved)} of ${count(saved.total)} items (nothing is listed until all are saved)…`;
  }

  get progress(): ByteProgress | null {
    return this.#progress;
  }
  get columns(): string[] {
    return this.#columns;
  }
  get mapping(): ColumnMapping {
    return this.#mapping;
  }
  get result(): ImportResult | null {
    return this.#result;
  }
  get name(): string {
    return this.#name;
  }
  get url(): string {
    return this.#url;
  }
  /** A fatal problem (shown with role="alert"). */
  get error(): string | null {
    return this.#error;
  }
  /** A neutral outcome: saved, cancelled. */
  get notice(): string | null {
    return this.#notice;
  }

  setName(name: string): void {
    this.#name = name;
  }
  setUrl(url: string): void {
    this.#url = url;
  }
  setMappingColumn(field: MappedField, column: string): void {
    this.#mapping = { ...this.#mapping, [field]: column };
  }
  setMappingFamily(family: Family): void {
    this.#mapping = { ...this.#mapping, family };
  }
  setListSeparator(separator: string): void {
    this.#mapping = { ...this.#mapping, listSeparator: separator || undefined };
  }

  /** Starts importing a chosen or dropped file. */
  async chooseFile(file: File): Promise<void> {
    this.#restart();
    await this.#begin(file, file.name);
  }

  /** Downloads the URL typed in the URL field, then imports it like a file. */
  async importUrl(): Promise<void> {
    this.#restart();
    try {
      const url = toFetchUrl(this.#url);
      this.#fileName = url.href;
      this.#phase = 'downloading';
      const file = await downloadAsFile(url, this.#streamOptions());
      await this.#begin(file, file.name);
    } catch (error) {
      this.#fail(error);
    }
  }

  /** Imports the whole file with the confirmed column mapping. */
  async confirmMapping(): Promise<void> {
    if (this.#phase !== 'mapping' || !this.preview?.isOk) return;
    await this.#read();
  }

  /** Stops a download or import in progress; nothing is stored. */
  cancel(): void {
    this.#controller?.abort();
  }

  /** Forgets the current file (after review, or to start over). */
  reset(): void {
    this.#restart();
  }

  /** Stores the reviewed items as one set (all-or-nothing). */
  async save(): Promise<void> {
    const result = this.#result;
    if (this.#phase !== 'review' || !result || !this.#format) return;
    const name = this.#name.trim() || baseName(this.#fileName);
    const input = { name, format: this.#format, fileName: this.#fileName, report: result.report };
    this.#phase = 'saving';
    this.#saved = { saved: 0, total: result.items.length };
    const record = await this.#storage.attempt((repos) =>
      repos.questionSets.saveSet(input, result.items, (progress) => (this.#saved = progress)),
    );
    this.#saved = null;
    if (!record) {
      this.#phase = 'review';
      this.#error = `Nothing was saved from ${this.#fileName}: storage refused the set (see the message at the top).`;
      return;
    }
    this.#restart();
    this.#notice = `Saved "${record.name}": ${record.itemCount} items.`;
    await this.#onSaved();
  }

  async #begin(file: Blob, fileName: string): Promise<void> {
    this.#file = file;
    this.#fileName = fileName;
    try {
      const format = await detectFileFormat(file, fileName);
      this.#format = format;
      if (format === 'results-long-csv') {
        throw new ImportError(
          fileName,
          'this is a results table (model outputs), not a question file; open it in "Analyse results"',
        );
      }
      if (!GENERIC_FORMATS.includes(format)) return await this.#read();
      const sample = await readMappingSample(file, fileName, format);
      this.#columns = sample.columns;
      this.#sampleRows = sample.rows;
      this.#mapping = guessMapping(sample.columns);
      this.#phase = 'mapping';
    } catch (error) {
      this.#fail(error);
    }
  }

  async #read(): Promise<void> {
    const file = this.#file;
    const format = this.#format;
    if (!file || !format) return;
    this.#phase = 'reading';
    this.#progress = null;
    const mapping = GENERIC_FORMATS.includes(format) ? cleanMapping(this.#mapping) : undefined;
    try {
      this.#result = await runImport(file, this.#fileName, format, {
        ...this.#streamOptions(),
        mapping,
      });
      this.#name = baseName(this.#fileName);
      this.#phase = 'review';
    } catch (error) {
      this.#fail(error);
    } finally {
      this.#controller = null;
    }
  }

  #streamOptions() {
    this.#controller = new AbortController();
    return {
      signal: this.#controller.signal,
      onProgress: (progress: ByteProgress) => (this.#progress = progress),
    };
  }

  #restart(): void {
    this.#controller?.abort();
    this.#controller = null;
    this.#phase = 'idle';
    this.#file = null;
    this.#format = null;
    this.#progress = null;
    this.#result = null;
    this.#columns = [];
    this.#sampleRows = [];
    this.#error = null;
    this.#notice = null;
  }

  #fail(error: unknown): void {
    this.#phase = 'idle';
    this.#result = null;
    this.#progress = null;
    if (error instanceof ImportCancelledError) {
      this.#notice = error.message;
      return;
    }
    this.#error = error instanceof Error ? error.message : String(error);
  }
}
