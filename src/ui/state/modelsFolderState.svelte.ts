/**
 * Importing an MLC model folder from disk into web-llm's cache, so it loads with no network.
 *
 * Owns: the chosen files, the model name (suggested from the folder's name, editable; required
 * for a plain multi-file pick), write progress with ETA, cancel, and the result. Invariants: the
 * imported model is saved and registered (through `onImported`) only after every file is in the
 * cache; a cancelled or failed import saves nothing (files already written stay until deleted).
 */
import { nowIso } from '../../core/ids';
import type { LoadProgress } from '../../engine/engine';
import { estimateRemainingMs } from '../../engine/engine';
import { createAbortError } from '../../engine/errors';
import type { LocalFile, LocalFolderPlan } from '../../engine/localFolder';
import { importLocalFolder } from '../../engine/localFolder';
import type { SavedModel } from '../../engine/savedModels';
import { savedLocalModel } from '../../engine/savedModels';
import { suggestModelName, totalBytesOf } from '../../engine/folderFiles';

export class FolderImportState {
  #files = $state.raw<LocalFile[]>([]);
  #modelName = $state('');
  #progress = $state.raw<LoadProgress | null>(null);
  #result = $state.raw<{ plan: LocalFolderPlan; model: SavedModel } | null>(null);
  #error = $state<string | null>(null);
  #controller: AbortController | null = null;
  #isImporting = $state(false);
  readonly #onImported: (model: SavedModel) => Promise<void>;

  eta: number | null = $derived(this.#progress ? estimateRemainingMs(this.#progress) : null);
  totalBytes: number = $derived(totalBytesOf(this.#files));

  constructor(onImported: (model: SavedModel) => Promise<void>) {
    this.#onImported = onImported;
  }

  get files(): LocalFile[] {
    return this.#files;
  }
  get modelName(): string {
    return this.#modelName;
  }
  get progress(): LoadProgress | null {
    return this.#progress;
  }
  get result(): { plan: LocalFolderPlan; model: SavedModel } | null {
    return this.#result;
  }
  get error(): string | null {
    return this.#error;
  }
  get isImporting(): boolean {
    return this.#isImporting;
  }

  /** Takes a new selection; a folder's own name becomes the suggested model name. */
  choose(files: LocalFile[]): void {
    this.#files = files;
    this.#result = null;
    this.#error = files.length === 0 ? 'No files were chosen.' : null;
    const suggested = suggestModelName(files.map((file) => file.path));
    if (suggested !== '') this.#modelName = suggested;
  }

  setModelName(name: string): void {
    this.#modelName = name;
  }

  /** Writes every file into the cache, then saves and registers the model. */
  async import(): Promise<void> {
    if (this.#isImporting) return;
    if (this.#files.length === 0) {
      this.#error = 'Choose the model folder (or all of its files) first.';
      return;
    }
    const modelName = this.#modelName.trim();
    if (modelName === '') {
      this.#error = 'Model name: type a name for this model (a chosen folder suggests its own).';
      return;
    }
    const controller = new AbortController();
    this.#controller = controller;
    this.#isImporting = true;
    this.#error = null;
    this.#result = null;
    this.#progress = null;
    const startedAt = Date.now();
    try {
      const plan = await importLocalFolder(this.#files, {
        modelName,
        onProgress: this.#reportProgress(controller.signal, startedAt),
      });
      const model = savedLocalModel(
        plan.record,
        { fileCount: plan.writes.length, totalBytes: this.totalBytes },
        nowIso(),
      );
      await this.#onImported(model);
      this.#result = { plan, model };
    } catch (error) {
      this.#error = controller.signal.aborted
        ? 'Import cancelled. Files already written stay in the cache until you delete the model.'
        : `Import failed: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      this.#isImporting = false;
      this.#controller = null;
    }
  }

  cancel(): void {
    this.#controller?.abort();
  }

  #reportProgress(
    signal: AbortSignal,
    startedAt: number,
  ): (written: number, total: number) => void {
    return (written, total) => {
      // importLocalFolder has no signal; throwing here stops it between two writes.
      if (signal.aborted) throw createAbortError('Import cancelled.');
      const text = `${written} of ${total} files written to the browser cache`;
      this.#progress = { fraction: written / total, text, elapsedMs: Date.now() - startedAt };
    };
  }
}
