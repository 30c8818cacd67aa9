/**
 * Custom contexts and beliefs: the saved list and the create/edit form.
 *
 * Owns: loading framings from `repos.framings`, the form draft, its validation problems, and
 * saving or deleting (deleting asks for confirmation first). Invariants: only framings that
 * pass `validateCustomFraming` reach the composer (broken stored records are listed as
 * problems instead); a save with problems stores nothing and shows every problem.
 */
import { MAX_VARIANTS } from '../../core/framing';
import type { CustomFraming, CustomFramingKind } from '../../core/framing';
import { buildFraming, sortStoredFramings } from '../../core/framing/customForm';
import type { StorageState } from './storage.svelte';

export class QuestionFramingsState {
  readonly #storage: StorageState;
  #framings = $state.raw<CustomFraming[]>([]);
  #broken = $state.raw<string[]>([]);
  #kind = $state<CustomFramingKind>('context');
  #label = $state('');
  #variantsText = $state('');
  #editingId = $state<string | null>(null);
  #problems = $state.raw<string[]>([]);
  #pendingDeleteId = $state<string | null>(null);
  #message = $state<string | null>(null);

  readonly maxVariants = MAX_VARIANTS;

  constructor(storage: StorageState) {
    this.#storage = storage;
  }

  get framings(): CustomFraming[] {
    return this.#framings;
  }
  get broken(): string[] {
    return this.#broken;
  }
  get kind(): CustomFramingKind {
    return this.#kind;
  }
  get label(): string {
    return this.#label;
  }
  get variantsText(): string {
    return this.#variantsText;
  }
  get editingId(): string | null {
    return this.#editingId;
  }
  get problems(): string[] {
    return this.#problems;
  }
  get pendingDeleteId(): string | null {
    return this.#pendingDeleteId;
  }
  get message(): string | null {
    return this.#message;
  }

  async refresh(): Promise<void> {
    const stored = await this.#storage.attempt((repos) => repos.framings.list());
    if (!stored) return;
    const { framings, broken } = sortStoredFramings(stored);
    this.#framings = framings;
    this.#broken = broken;
  }

  setKind(kind: CustomFramingKind): void {
    if (this.#editingId === null) this.#kind = kind;
  }
  setLabel(label: string): void {
    this.#label = label;
  }
  setVariantsText(text: string): void {
    this.#variantsText = text;
  }

  /** Loads a saved framing into the form. */
  edit(id: string): void {
    const framing = this.#framings.find((f) => f.id === id);
    if (!framing) return;
    this.#editingId = framing.id;
    this.#kind = framing.kind;
    this.#label = framing.label;
    this.#variantsText = framing.variants.join('\n');
    this.#problems = [];
  }

  /** Empties the form for a new framing. */
  clearForm(): void {
    this.#editingId = null;
    this.#label = '';
    this.#variantsText = '';
    this.#problems = [];
  }

  /** Validates and stores the form; returns whether it was saved. */
  async save(): Promise<boolean> {
    const outcome = buildFraming(
      {
        kind: this.#kind,
        label: this.#label,
        variantsText: this.#variantsText,
        editingId: this.#editingId,
      },
      this.#framings.map((f) => f.id),
    );
    if (!outcome.isOk) {
      this.#problems = outcome.problems;
      return false;
    }
    const isSaved = await this.#storage.attempt(async (repos) => {
      await repos.framings.put({ ...outcome.framing, variants: [...outcome.framing.variants] });
      return true;
    });
    if (!isSaved) return false;
    this.#message = `Saved ${outcome.framing.kind} "${outcome.framing.label}" (${outcome.framing.id}).`;
    this.clearForm();
    await this.refresh();
    return true;
  }

  askDelete(id: string): void {
    this.#pendingDeleteId = id;
  }
  cancelDelete(): void {
    this.#pendingDeleteId = null;
  }

  async confirmDelete(): Promise<void> {
    const framing = this.#framings.find((f) => f.id === this.#pendingDeleteId);
    this.#pendingDeleteId = null;
    if (!framing) return;
    await this.#storage.attempt((repos) => repos.framings.delete(framing.id));
    if (this.#editingId === framing.id) this.clearForm();
    this.#message = `Deleted ${framing.kind} "${framing.label}".`;
    await this.refresh();
  }
}
