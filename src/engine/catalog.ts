/**
 * The curated list of small instruct models offered in the UI, built at run time from web-llm's
 * own `prebuiltAppConfig.model_list`.
 *
 * Owns: matching web-llm records to the curated families, parsing parameter counts and
 * quantization from model ids, runnability against a capability decision, and the default pick.
 * Invariants: every function is pure and takes the model list as an argument (no model ids or
 * figures are copied from web-llm; only family prefixes are ours); this module never imports
 * web-llm, so the UI can import it without pulling web-llm's ~6 MB chunk into the app shell.
 * The list itself reaches the page through the worker's `catalog` request.
 */
import { adviseModel } from './advice';
import type { ModelNeed } from './advice';
import type { CapabilityDecision } from './capability';
import type { ModelRecordLike } from './modelRecord';

/** One model the UI can offer. Plain data, so it can cross the worker boundary. */
export interface CatalogEntry {
  id: string;
  family: string;
  /** Display name without quantization, e.g. "Qwen2.5 0.5B Instruct". */
  name: string;
  /** Parameter count, e.g. 5e8; null when neither the id nor the family says. */
  parameters: number | null;
  /** As written in the id, e.g. "0.5B", "360M". */
  parametersLabel: string;
  /** e.g. "q4f16_1", "q4f32_1". */
  quantization: string;
  /** Context window the build is configured for, e.g. 4096 or 1024 for "-1k" builds. */
  contextWindowSize: number | null;
  vramRequiredMB: number | null;
  isLowResource: boolean;
  /** f16 builds (q4f16_1, q0f16) and records listing shader-f16 need the WebGPU f16 extension. */
  needsShaderF16: boolean;
  /** Declared maxStorageBufferBindingSize need; undefined means web-llm's 128 MiB floor suffices. */
  bufferSizeRequiredBytes?: number;
  /** The largest weight tensor, once its tensor-cache.json was read (small-buffer devices). */
  largestTensorBytes?: number;
  modelUrl: string;
  modelLibUrl: string;
  /** Rough download size from parameters and quantization; label it "about" in the UI. */
  approxDownloadBytes: number | null;
}

export interface RunnableVerdict {
  isRunnable: boolean;
  /** Runs well here (see advice.ts); false whenever `isRunnable` is false. */
  isRecommended: boolean;
  /** "recommended here", or why it cannot run / is not recommended. */
  reason: string;
}

interface CuratedFamily {
  /** Matches the start of a web-llm model id, up to the quantization suffix. */
  prefix: RegExp;
  family: string;
  name: string;
  /** For ids that carry no size, e.g. Phi-3.5-mini (3.8B parameters). */
  parameters?: number;
}

/** The curated small instruct families, in display order. */
const CURATED_FAMILIES: readonly CuratedFamily[] = [
  { prefix: /^Qwen2\.5-0\.5B-Instruct-/, family: 'Qwen2.5', name: 'Qwen2.5 0.5B Instruct' },
  { prefix: /^Qwen2\.5-1\.5B-Instruct-/, family: 'Qwen2.5', name: 'Qwen2.5 1.5B Instruct' },
  { prefix: /^SmolLM2-360M-Instruct-/, family: 'SmolLM2', name: 'SmolLM2 360M Instruct' },
  { prefix: /^SmolLM2-1\.7B-Instruct-/, family: 'SmolLM2', name: 'SmolLM2 1.7B Instruct' },
  { prefix: /^Qwen3-0\.6B-/, family: 'Qwen3', name: 'Qwen3 0.6B' },
  { prefix: /^Qwen3-1\.7B-/, family: 'Qwen3', name: 'Qwen3 1.7B' },
  { prefix: /^Llama-3\.2-1B-Instruct-/, family: 'Llama 3.2', name: 'Llama 3.2 1B Instruct' },
  { prefix: /^Llama-3\.2-3B-Instruct-/, family: 'Llama 3.2', name: 'Llama 3.2 3B Instruct' },
  { prefix: /^gemma-2-2b-it-/, family: 'Gemma 2', name: 'Gemma 2 2B it' },
  {
    prefix: /^Phi-3\.5-mini-instruct-/,
    family: 'Phi-3.5',
    name: 'Phi-3.5 mini instruct',
    parameters: 3.8e9,
  },
  { prefix: /^TinyLlama-1\.1B-Chat-v1\.0-/, family: 'TinyLlama', name: 'TinyLlama 1.1B Chat v1.0' },
];

/** Only 4-bit builds are offered: q0 (unquantized) builds are 3–7x larger for these sizes. */
const OFFERED_QUANTIZATIONS: readonly string[] = ['q4f16_1', 'q4f32_1'];

const ID_TAIL = /-(q\d+f\d+(?:_\d+)?)-MLC(?:-(\d+)k)?$/;
const PARAMETER_TOKEN = /(?:^|[-_])E?(\d+(?:\.\d+)?)([BbMm])(?=[-_]|$)/;
/** Approximate stored bits per weight, scales included. */
const BITS_PER_WEIGHT: Readonly<Record<string, number>> = {
  q3: 3.5,
  q4: 4.5,
  q0f16: 16,
  q0f32: 32,
};
const DEFAULT_PREFERENCE: readonly RegExp[] = [
  /^Qwen2\.5-0\.5B-Instruct-/,
  /^SmolLM2-360M-Instruct-/,
];

/**
 * Builds the curated catalog from web-llm's model list (pass `prebuiltAppConfig.model_list`).
 * Records outside the curated families, non-LLM records and non-4-bit builds are skipped.
 */
export function buildCatalog(list: readonly ModelRecordLike[]): CatalogEntry[] {
  const entries: { entry: CatalogEntry; order: number }[] = [];
  for (const record of list) {
    if (record.model_type !== undefined && record.model_type !== 0) continue;
    const order = CURATED_FAMILIES.findIndex((family) => family.prefix.test(record.model_id));
    const family = CURATED_FAMILIES[order];
    if (family === undefined) continue;
    const entry = toEntry(record, family);
    if (entry !== null) entries.push({ entry, order });
  }
  return entries
    .sort((a, b) => a.order - b.order || compareIds(a.entry, b.entry))
    .map((e) => e.entry);
}

function compareIds(a: CatalogEntry, b: CatalogEntry): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function toEntry(record: ModelRecordLike, family: CuratedFamily): CatalogEntry | null {
  const quantization = parseQuantization(record.model_id);
  if (quantization === null || !OFFERED_QUANTIZATIONS.includes(quantization)) return null;
  const parsed = parseParameterCount(record.model_id);
  const parameters = parsed?.count ?? family.parameters ?? null;
  const entry: CatalogEntry = {
    id: record.model_id,
    family: family.family,
    name: family.name,
    parameters,
    parametersLabel: parsed?.label ?? (parameters === null ? '' : formatParameters(parameters)),
    quantization,
    contextWindowSize: record.overrides?.context_window_size ?? null,
    vramRequiredMB: record.vram_required_MB ?? null,
    isLowResource: record.low_resource_required === true,
    needsShaderF16:
      /f16/.test(quantization) || (record.required_features ?? []).includes('shader-f16'),
    modelUrl: record.model,
    modelLibUrl: record.model_lib,
    approxDownloadBytes: estimateDownloadBytes(parameters, quantization),
  };
  if (record.buffer_size_required_bytes !== undefined) {
    entry.bufferSizeRequiredBytes = record.buffer_size_required_bytes;
  }
  return entry;
}

/** Reads the weight format from an id like "Qwen2.5-0.5B-Instruct-q4f16_1-MLC" → "q4f16_1". */
export function parseQuantization(modelId: string): string | null {
  return ID_TAIL.exec(modelId)?.[1] ?? null;
}

/** Reads "0.5B" / "360M" / "gemma-2-2b" style sizes from an id; null when absent. */
export function parseParameterCount(modelId: string): { count: number; label: string } | null {
  const match = PARAMETER_TOKEN.exec(modelId.replace(ID_TAIL, ''));
  if (match === null) return null;
  const [, digits = '', unit = ''] = match;
  const scale = unit.toUpperCase() === 'B' ? 1e9 : 1e6;
  return { count: Math.round(Number(digits) * scale), label: `${digits}${unit.toUpperCase()}` };
}

function formatParameters(count: number): string {
  return count >= 1e9 ? `${Number((count / 1e9).toFixed(1))}B` : `${Math.round(count / 1e6)}M`;
}

/**
 * Rough weight download size: parameters × bits per weight (4.5 for q4 builds, scales
 * included). web-llm's records carry no size; `fetchExactDownloadBytes` reads the real figure.
 */
export function estimateDownloadBytes(
  parameters: number | null,
  quantization: string,
): number | null {
  if (parameters === null) return null;
  const bits = BITS_PER_WEIGHT[quantization] ?? BITS_PER_WEIGHT[quantization.slice(0, 2)];
  return bits === undefined ? null : Math.round((parameters * bits) / 8);
}

/** What a catalog entry needs, for the shared device rule. */
export function needOfEntry(entry: CatalogEntry): ModelNeed {
  return {
    needsShaderF16: entry.needsShaderF16,
    bufferSizeRequiredBytes: entry.bufferSizeRequiredBytes,
    largestTensorBytes: entry.largestTensorBytes,
    vramRequiredMB: entry.vramRequiredMB,
    parameters: entry.parameters,
    isLowResource: entry.isLowResource,
  };
}

/**
 * Whether `entry` can run on a device with this capability decision and whether it is
 * recommended there (the one rule in advice.ts), with the reason for either "no".
 */
export function isRunnable(
  entry: CatalogEntry,
  capability: CapabilityDecision,
  deviceMemoryGiB?: number | null,
): RunnableVerdict {
  const advice = adviseModel(needOfEntry(entry), capability, deviceMemoryGiB);
  return {
    isRunnable: advice.canRun,
    isRecommended: advice.isRecommended,
    reason: advice.reason === '' ? 'recommended here' : advice.reason,
  };
}

/**
 * The model to preselect: Qwen2.5-0.5B-Instruct (else SmolLM2-360M-Instruct) in the
 * capability's quantization, else the smallest entry; among the recommended entries when any are,
 * else among the runnable ones; null when nothing runs.
 */
export function pickDefaultModel(
  entries: readonly CatalogEntry[],
  capability: CapabilityDecision,
): CatalogEntry | null {
  const verdicts = entries.map((entry) => ({ entry, verdict: isRunnable(entry, capability) }));
  const recommended = verdicts.filter((v) => v.verdict.isRecommended).map((v) => v.entry);
  const runnable =
    recommended.length > 0
      ? recommended
      : verdicts.filter((v) => v.verdict.isRunnable).map((v) => v.entry);
  for (const preference of DEFAULT_PREFERENCE) {
    const match = runnable.find(
      (entry) =>
        preference.test(entry.id) &&
        entry.quantization === capability.quantization &&
        entry.contextWindowSize !== 1024,
    );
    if (match !== undefined) return match;
  }
  const bySize = [...runnable].sort(
    (a, b) => (a.vramRequiredMB ?? Infinity) - (b.vramRequiredMB ?? Infinity),
  );
  return bySize[0] ?? null;
}
