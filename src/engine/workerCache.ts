/**
 * The worker's model list and cache housekeeping.
 *
 * Owns: merging web-llm's prebuilt records with the user's (custom weights are re-resolved from
 * their base model every time, so they never pin a library URL of an older web-llm and always
 * carry the base's overrides and memory figure), cache status, and deleting a model without
 * breaking another one that shares its compiled library. Invariants: pure over the injected
 * web-llm binding; a library is deleted only when no other cached model uses the same file.
 */
import type { ModelRecordLike } from './modelRecord';
import { normaliseModelBaseUrl } from './modelRecord';
import type { WebLlmBinding } from './webLlmBinding';

/** The settings a custom record takes from its base so both arms load the same way. */
function inheritFromBase(record: ModelRecordLike, base: ModelRecordLike): ModelRecordLike {
  // buffer_size_required_bytes stays the record's own: it also covers the weights' largest tensor.
  const merged: ModelRecordLike = { ...record, model_lib: base.model_lib };
  for (const field of [
    'overrides',
    'vram_required_MB',
    'low_resource_required',
    'required_features',
  ] as const) {
    if (base[field] === undefined) delete merged[field];
    else Object.assign(merged, { [field]: structuredClone(base[field]) });
  }
  return merged;
}

/**
 * web-llm's list plus the user's records. A user record with a prebuilt id replaces the prebuilt
 * one; a record naming a `base_model_id` that this web-llm still lists takes its library.
 */
export function mergeModelList(
  prebuilt: readonly ModelRecordLike[],
  customRecords: readonly ModelRecordLike[],
): ModelRecordLike[] {
  const customIds = new Set(customRecords.map((record) => record.model_id));
  const resolved = customRecords.map((record) => {
    const base = prebuilt.find((r) => r.model_id === record.base_model_id);
    return base === undefined ? { ...record } : inheritFromBase(record, base);
  });
  return [...prebuilt.filter((r) => !customIds.has(r.model_id)), ...resolved];
}

/** Whether each model is fully cached; unknown ids (web-llm throws) count as not cached. */
export async function readCacheStatus(
  binding: WebLlmBinding,
  modelIds: readonly string[],
  modelList: ModelRecordLike[],
): Promise<Record<string, boolean>> {
  const cached: Record<string, boolean> = {};
  for (const modelId of modelIds) {
    cached[modelId] = await binding.hasModelInCache(modelId, modelList).catch(() => false);
  }
  return cached;
}

/**
 * Deletes a model's weights and config, and its library unless another cached model with
 * different weights uses the same library file (a fine-tune and its base; Qwen2.5-0.5B and
 * Qwen2-0.5B). web-llm's own `deleteModelAllInfoInCache` would delete the shared library while
 * `hasModelInCache` keeps saying the other model is cached, and its next load would fail offline.
 */
export async function deleteModelSafely(
  binding: WebLlmBinding,
  modelId: string,
  modelList: ModelRecordLike[],
): Promise<void> {
  const target = modelList.find((record) => record.model_id === modelId);
  const weights = target === undefined ? null : normaliseModelBaseUrl(target.model);
  const sharers = modelList.filter(
    (record) =>
      record.model_id !== modelId &&
      record.model_lib === target?.model_lib &&
      normaliseModelBaseUrl(record.model) !== weights,
  );
  const status = await readCacheStatus(
    binding,
    sharers.map((record) => record.model_id),
    modelList,
  );
  const isLibraryKept = Object.values(status).some(Boolean);
  await binding.deleteModelFromCache(modelId, modelList, { isLibraryKept });
}
