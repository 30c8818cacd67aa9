/**
 * Every model an arm can use, in one list: runnable catalog builds, saved custom and local
 * models, and remote endpoints (`endpoint:<name>`).
 *
 * Owns: the pure merge and the per-kind runnability. Invariants: catalog, then saved, then
 * endpoints; endpoints need no WebGPU and no local GPU memory (vramRequiredMB 0); a saved model
 * that needs shader-f16 is not runnable on a device without it.
 */
import type { EndpointConfig } from '../core/records';
import type { CapabilityDecision } from './capability';
import type { CatalogEntry } from './catalog';
import { isRunnable } from './catalog';
import { endpointModelId } from './endpoints';
import type { SavedModel } from './savedModels';

export type UsableSource = 'catalog' | 'custom' | 'local' | 'endpoint';

export interface UsableModel {
  id: string;
  label: string;
  source: UsableSource;
  vramRequiredMB: number | null;
  isRunnable: boolean;
  /** Why it cannot run here; '' when it can. */
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
): UsableModel[] {
  const fromCatalog = catalog.map((entry): UsableModel => {
    const verdict = capability
      ? isRunnable(entry, capability)
      : { isRunnable: false, reason: 'checking this device…' };
    return {
      id: entry.id,
      label: `${entry.name} · ${entry.quantization}`,
      source: 'catalog',
      vramRequiredMB: entry.vramRequiredMB,
      isRunnable: verdict.isRunnable,
      reason: verdict.isRunnable ? '' : verdict.reason,
    };
  });
  const fromSaved = saved.map((model): UsableModel => {
    const reason = savedModelBlocker(model, capability);
    return {
      id: model.id,
      label: `${model.id} (${SOURCE_LABEL[model.source]})`,
      source: model.source,
      vramRequiredMB: model.record.vram_required_MB ?? null,
      isRunnable: reason === '',
      reason,
    };
  });
  const fromEndpoints = endpoints.map((endpoint): UsableModel => ({
    id: endpointModelId(endpoint.name),
    label: `${endpoint.name}: ${endpoint.model} (${SOURCE_LABEL.endpoint})`,
    source: 'endpoint',
    vramRequiredMB: 0,
    isRunnable: true,
    reason: '',
  }));
  return [...fromCatalog, ...fromSaved, ...fromEndpoints];
}

function savedModelBlocker(model: SavedModel, capability: CapabilityDecision | null): string {
  if (capability === null) return 'checking this device…';
  if (capability.status === 'unavailable') return 'WebGPU is not usable in this browser.';
  const needsF16 = (model.record.required_features ?? []).includes('shader-f16');
  if (needsF16 && !capability.hasF16)
    return 'needs the shader-f16 WebGPU feature, which this GPU lacks.';
  return '';
}
