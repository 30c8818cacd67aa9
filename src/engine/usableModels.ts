/**
 * Every model an arm can use, in one list: runnable catalog builds, saved custom and local
 * models, and remote endpoints (`endpoint:<name>`).
 *
 * Owns: the pure merge and the per-kind runnability. Invariants: catalog, then saved, then
 * endpoints; endpoints need no WebGPU and no local GPU memory (vramRequiredMB 0); a saved model
 * that needs shader-f16 is not runnable on a device without it. Runnability and
 * recommendation come from the one rule in advice.ts.
 */
import type { EndpointConfig } from '../core/records';
import type { CapabilityDecision } from './capability';
import type { CatalogEntry } from './catalog';
import { needOfEntry } from './catalog';
import { adviseModel, labelModelBuild } from './advice';
import type { ModelNeed } from './advice';
import type { ModelRecordLike } from './modelRecord';
import { endpointModelId } from './endpoints';
import type { SavedModel } from './savedModels';

export type UsableSource = 'catalog' | 'custom' | 'local' | 'endpoint';

export interface UsableModel {
  id: string;
  /** Short (no reason inside), so a select never grows wide; "-1k" builds are labelled. */
  label: string;
  source: UsableSource;
  vramRequiredMB: number | null;
  isRunnable: boolean;
  /** Runs well here (advice.ts); false whenever `isRunnable` is false. */
  isRecommended: boolean;
  /** Why it cannot run, or is not recommended, here; '' when recommended. Shown beside pickers. */
  reason: string;
}

const SOURCE_LABEL: Record<Exclude<UsableSource, 'catalog'>, string> = {
  custom: 'custom weights',
  local: 'local folder',
  endpoint: 'remote endpoint',
};

/** Merges the three kinds of model into one list for pickers and memory checks. */
export function listUsableModels(
  catalog: readonly CatalogEntry[],
  saved: readonly SavedModel[],
  endpoints: readonly EndpointConfig[],
  capability: CapabilityDecision | null,
  deviceMemoryGiB?: number | null,
): UsableModel[] {
  const fromCatalog = catalog.map((entry): UsableModel => {
    const advice = adviseModel(needOfEntry(entry), capability, deviceMemoryGiB);
    return {
      id: entry.id,
      label: labelModelBuild(entry),
      source: 'catalog',
      vramRequiredMB: entry.vramRequiredMB,
      isRunnable: advice.canRun,
      isRecommended: advice.isRecommended,
      reason: advice.reason,
    };
  });
  const fromSaved = saved.map((model): UsableModel => {
    const advice = adviseModel(needOfRecord(model.record), capability, deviceMemoryGiB);
    return {
      id: model.id,
      label: `${model.id} (${SOURCE_LABEL[model.source]})`,
      source: model.source,
      vramRequiredMB: model.record.vram_required_MB ?? null,
      isRunnable: advice.canRun,
      isRecommended: advice.isRecommended,
      reason: advice.reason,
    };
  });
  const fromEndpoints = endpoints.map((endpoint): UsableModel => ({
    id: endpointModelId(endpoint.name),
    label: `${endpoint.name}: ${endpoint.model} (${SOURCE_LABEL.endpoint})`,
    source: 'endpoint',
    vramRequiredMB: 0,
    isRunnable: true,
    isRecommended: true,
    reason: '',
  }));
  return [...fromCatalog, ...fromSaved, ...fromEndpoints];
}

/** What a saved record needs; custom records carry their base's figures. */
function needOfRecord(record: ModelRecordLike): ModelNeed {
  return {
    needsShaderF16: (record.required_features ?? []).includes('shader-f16'),
    bufferSizeRequiredBytes: record.buffer_size_required_bytes,
    vramRequiredMB: record.vram_required_MB ?? null,
    ...(record.low_resource_required === undefined
      ? {}
      : { isLowResource: record.low_resource_required }),
  };
}
