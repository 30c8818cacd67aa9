/**
 * Saved designs: save, duplicate, delete, export as a file, share as a link, import a file.
 *
 * Owns: the list of stored designs (re-read after every change, so what is shown is what is
 * stored), the last share link and the library's messages. Invariants: storage failures go to
 * the app banner through `StorageState.attempt`; a bad file or link is reported in words naming
 * it and never replaces the design being edited.
 */
import type { ExperimentDesign } from '../../core/experiment/design';
import { encodeDesignToFragment } from '../../core/experiment/fragment';
import { newId, nowIso } from '../../core/ids';
import {
  designFileName,
  parseDesignFile,
  readDesignFromHash,
} from '../../core/experiment/designEdits';
import type { StorageState } from './storage.svelte';

export interface LibraryMessage {
  kind: 'info' | 'error';
  text: string;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class LibraryState {
  #designs = $state.raw<ExperimentDesign[]>([]);
  #shareUrl = $state<string | null>(null);
  #message = $state.raw<LibraryMessage | null>(null);
  readonly #storage: StorageState;
  readonly #open: (design: ExperimentDesign) => void;

  /** `open` puts a design into the builder. */
  constructor(storage: StorageState, open: (design: ExperimentDesign) => void) {
    this.#storage = storage;
    this.#open = open;
  }

  get designs(): ExperimentDesign[] {
    return this.#designs;
  }
  get shareUrl(): string | null {
    return this.#shareUrl;
  }
  get message(): LibraryMessage | null {
    return this.#message;
  }

  async refresh(): Promise<void> {
    const designs = await this.#storage.attempt((repos) => repos.designs.list());
    if (designs !== undefined) this.#designs = designs;
  }

  async save(design: ExperimentDesign): Promise<void> {
    const isSaved = await this.#storage.attempt(async (repos) => {
      await repos.designs.put(design);
      return true;
    });
    await this.refresh();
    if (isSaved === true) this.#message = { kind: 'info', text: `Saved “${design.name}”.` };
  }

  async duplicate(id: string): Promise<void> {
    const copy = await this.#storage.attempt((repos) =>
      repos.designs.duplicate(id, { newId: newId('design'), createdAt: nowIso() }),
    );
    await this.refresh();
    if (copy !== undefined) {
      this.#open(copy);
      this.#message = { kind: 'info', text: `Saved a copy as “${copy.name}” and opened it.` };
    }
  }

  async remove(id: string): Promise<void> {
    await this.#storage.attempt((repos) => repos.designs.delete(id));
    await this.refresh();
  }

  open(id: string): void {
    const design = this.#designs.find((d) => d.id === id);
    if (design !== undefined) this.#open(design);
  }

  /** Downloads the design as a JSON file. */
  exportFile(design: ExperimentDesign): void {
    const blob = new Blob([`${JSON.stringify(design, null, 2)}\n`], {
      type: 'application/json',
    });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = designFileName(design);
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  /** Makes a link that opens this design, shows it and tries to copy it. */
  async share(design: ExperimentDesign): Promise<void> {
    const url = `${location.origin}${location.pathname}#/experiments?${encodeDesignToFragment(design)}`;
    this.#shareUrl = url;
    try {
      await navigator.clipboard.writeText(url);
      this.#message = { kind: 'info', text: 'Link copied to the clipboard.' };
    } catch {
      this.#message = { kind: 'info', text: 'Copy the link below to share this design.' };
    }
  }

  /** Reads a design file chosen by the user and opens it in the builder. */
  async importFile(file: File): Promise<void> {
    try {
      const design = parseDesignFile(await file.text(), file.name);
      this.#open(design);
      this.#message = { kind: 'info', text: `Opened “${design.name}” from ${file.name}.` };
    } catch (error) {
      this.#message = { kind: 'error', text: describeError(error) };
    }
  }

  /**
   * Opens a design carried by the page's hash, then drops it from the address so a reload does
   * not overwrite later edits.
   */
  /** Opens a design link; true when the hash held a design (opened or reported broken). */
  openFromHash(hash: string): boolean {
    try {
      const design = readDesignFromHash(hash);
      if (design === null) return false;
      this.#open(design);
      this.#message = { kind: 'info', text: `Opened the shared design “${design.name}”.` };
      history.replaceState(null, '', '#/experiments');
    } catch (error) {
      this.#message = {
        kind: 'error',
        text: `Could not open the shared design: ${describeError(error)}`,
      };
    }
    return true;
  }
}
