/**
 * The user's own web-llm models: custom fine-tuned weights (reusing a catalog model's library)
 * and imported local folders, stored in `repos.models` and registered with the worker engine.
 *
 * Owns: the saved list, the custom-model form (draft, inline errors per field, saving) and
 * deleting a saved model. Invariants: after every change the worker engine's custom list equals
 * the saved list (`setCustomModels`), so loads and cache queries know every saved id; a record
 * is stored only after `createCustomModelRecord` validated it.
 */
import { nowIso } from '../../core/ids';
import type { CatalogEntry } from '../../engine/catalog';
import { createCustomModelRecord } from '../../engine/customModel';
import type { ModelRecordLike } from '../../engine/modelRecord';
import { getSharedWorkerEngine } from '../../engine/workerEngine';
import type { StorageState } from './storage.svelte';
import type { CustomModelField, SavedModel } from '../../engine/savedModels';
import {
  fieldOfCustomModelError,
  readSavedModels,
  recordsOf,
  savedCustomModel,
} from '../../engine/savedModels';

export interface CustomModelDraft {
  modelId: string;
  weightsUrl: string;
  baseId: string;
}

export class SavedModelsState {
  #models = $state.raw<SavedModel[]>([]);
  #problems = $state.raw<string[]>([]);
  #draft = $state<CustomModelDraft>({ modelId: '', weightsUrl: '', baseId: '' });
  #errors = $state.raw<Partial<Record<CustomModelField, string>>>({});
  #isSaving = $state(false);
  #savedMessage = $state<string | null>(null);
  readonly #storage: StorageState;
  readonly #register: (records: ModelRecordLike[]) => void;

  constructor(
    storage: StorageState,
    register: (records: ModelRecordLike[]) => void = (records) =>
      getSharedWorkerEngine().setCustomModels(records),
  ) {
    this.#storage = storage;
    this.#register = register;
  }

  get models(): SavedModel[] {
    return this.#models;
  }
  get problems(): string[] {
    return this.#problems;
  }
  get draft(): CustomModelDraft {
    return this.#draft;
  }
  get errors(): Partial<Record<CustomModelField, string>> {
    return this.#errors;
  }
  get isSaving(): boolean {
    return this.#isSaving;
  }
  get savedMessage(): string | null {
    return this.#savedMessage;
  }

  /** Reads saved models and registers them with the worker engine. */
  async load(): Promise<void> {
    const stored = await this.#storage.attempt((repos) => repos.models.list());
    if (stored === undefined) return;
    const { models, problems } = readSavedModels(stored);
    this.#models = models;
    this.#problems = problems;
    this.#register(recordsOf(models));
  }

  edit(patch: Partial<CustomModelDraft>): void {
    this.#draft = { ...this.#draft, ...patch };
  }

  /**
   * Validates the draft against `base` (fetching both mlc-chat-config.json files), then stores
   * and registers it. Errors land next to the field they name.
   */
  async saveCustom(catalog: readonly CatalogEntry[]): Promise<void> {
    const base = catalog.find((entry) => entry.id === this.#draft.baseId);
    if (base === undefined) {
      this.#errors = {
        base: 'Base model: choose the catalog model these weights were converted from.',
      };
      return;
    }
    this.#isSaving = true;
    this.#savedMessage = null;
    try {
      const takenIds = [...catalog.map((entry) => entry.id), ...this.#models.map((m) => m.id)];
      const record = await createCustomModelRecord({ ...this.#draft, base, takenIds });
      await this.#put(savedCustomModel(record, base.id, nowIso()));
      this.#errors = {};
      this.#savedMessage = `Saved ${record.model_id}; it now appears under "Your models".`;
      this.#draft = { modelId: '', weightsUrl: '', baseId: this.#draft.baseId };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.#errors = { [fieldOfCustomModelError(message)]: message };
    } finally {
      this.#isSaving = false;
    }
  }

  /** Stores a model (custom or local), replacing one with the same id, and re-registers. */
  async add(model: SavedModel): Promise<void> {
    await this.#put(model);
  }

  /** Removes a saved model from the list (its cached files are deleted separately). */
  async remove(modelId: string): Promise<void> {
    const isDone = await this.#storage.attempt(async (repos) => {
      await repos.models.delete(modelId);
      return true;
    });
    if (isDone !== true) return;
    this.#setModels(this.#models.filter((model) => model.id !== modelId));
  }

  async #put(model: SavedModel): Promise<void> {
    const isDone = await this.#storage.attempt(async (repos) => {
      await repos.models.put(model);
      return true;
    });
    if (isDone !== true)
      throw new Error(`Could not save ${model.id}: see the storage message above.`);
    this.#setModels([...this.#models.filter((m) => m.id !== model.id), model]);
  }

  #setModels(models: SavedModel[]): void {
    this.#models = models.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.#register(recordsOf(this.#models));
  }
}
