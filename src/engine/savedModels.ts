/**
 * Custom fine-tunes and imported local folders as stored in `repos.models` (pure rules; the
 * runes state is ui/state/modelsSavedState.svelte.ts).
 *
 * Owns: the stored shape (`SavedModel`), reading it back defensively (the store holds opaque
 * objects, possibly written by an older version) and the record list handed to the worker
 * engine. Invariants: a saved model's `id` equals its record's `model_id`; a stored object that
 * fails the checks is reported by id and reason, never silently registered.
 */
import type { ModelRecordLike } from './modelRecord';

/** A stored object as the models store returns it (opaque beyond its id). */
export interface StoredModelLike {
  id: string;
  [field: string]: unknown;
}

export type SavedModelSource = 'custom' | 'local';

// A type alias (not an interface) so it is assignable to the store's indexed `StoredModel`.
export type SavedModel = {
  id: string;
  source: SavedModelSource;
  record: ModelRecordLike;
  /** Custom weights: the catalog entry whose compiled library is reused. */
  baseId: string | null;
  savedAt: string;
  /** Local folders: files written to the cache and their total size. */
  fileCount: number | null;
  totalBytes: number | null;
};

export interface SavedModelsRead {
  models: SavedModel[];
  /** One sentence per stored object that could not be used. */
  problems: string[];
}

/** Reads stored objects, keeping the valid ones in id order and describing the rest. */
export function readSavedModels(stored: readonly StoredModelLike[]): SavedModelsRead {
  const models: SavedModel[] = [];
  const problems: string[] = [];
  for (const item of stored) {
    const problem = findProblem(item);
    if (problem === null) models.push(item as unknown as SavedModel);
    else problems.push(`Saved model "${item.id}" was skipped: ${problem}.`);
  }
  models.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { models, problems };
}

function findProblem(item: StoredModelLike): string | null {
  if (item.source !== 'custom' && item.source !== 'local') {
    return `"source" should be "custom" or "local", not ${JSON.stringify(item.source)}`;
  }
  const record = item.record as Partial<Record<keyof ModelRecordLike, unknown>> | undefined;
  if (typeof record !== 'object' || record === null) return 'it has no model record';
  for (const field of ['model', 'model_id', 'model_lib'] as const) {
    if (typeof record[field] !== 'string' || record[field] === '') {
      return `its record has no "${field}" text`;
    }
  }
  if (record.model_id !== item.id) return `its record's model_id is "${String(record.model_id)}"`;
  return null;
}

/**
 * The records to register with the web-llm worker (copies, in the given order). Custom records
 * saved before `base_model_id` existed get it from `baseId`, so the worker re-resolves their
 * library and overrides from the base instead of trusting the stored (possibly stale) URL.
 */
export function recordsOf(models: readonly SavedModel[]): ModelRecordLike[] {
  return models.map((model) => {
    const record = { ...model.record };
    if (model.source === 'custom' && model.baseId !== null) record.base_model_id ??= model.baseId;
    return record;
  });
}

/** Which fields of the custom-model form an engine validation message is about. */
export type CustomModelField = 'modelId' | 'weightsUrl' | 'base' | 'form';

/**
 * Places a validation message from `customModel.ts` next to the field it names (the messages
 * start with the field: "Model id …", "Weights URL …", "Hugging Face URL …").
 */
export function fieldOfCustomModelError(message: string): CustomModelField {
  if (/^Model id\b/.test(message)) return 'modelId';
  if (/^(Weights URL|Hugging Face URL)\b/.test(message)) return 'weightsUrl';
  if (/the library of|choose a base model|the library will not fit/.test(message)) return 'base';
  return 'form';
}

/** A stored custom model built from a validated record. */
export function savedCustomModel(
  record: ModelRecordLike,
  baseId: string,
  savedAt: string,
): SavedModel {
  return {
    id: record.model_id,
    source: 'custom',
    record,
    baseId,
    savedAt,
    fileCount: null,
    totalBytes: null,
  };
}

/** A stored local-folder model built from an import's record and written files. */
export function savedLocalModel(
  record: ModelRecordLike,
  files: { fileCount: number; totalBytes: number },
  savedAt: string,
): SavedModel {
  return {
    id: record.model_id,
    source: 'local',
    record,
    baseId: null,
    savedAt,
    fileCount: files.fileCount,
    totalBytes: files.totalBytes,
  };
}
