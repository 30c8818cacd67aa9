/**
 * Device advice that agrees with itself: one rule for "can run here" and "recommended here",
 * used by the capability panel, the catalog table and every model picker.
 *
 * Owns: `adviseModel`, the short labels of a model build (so "-1k" builds differ from their 4k
 * twins) and the panel's advice sentence about model size. Invariants: pure; "recommended"
 * implies "can run"; every "no" comes with a reason in plain words, short enough to sit beside
 * a select (never inside its options).
 */
import type { CapabilityDecision } from './capability';
import { memoryBudgetMB } from './memory';

const MIB = 2 ** 20;
/** On a software (fallback) adapter only the smallest models answer in reasonable time. */
export const FALLBACK_MAX_PARAMETERS = 0.6e9;
/** …and when the size is unknown, the GPU memory of those (Qwen3-0.6B q4f16_1: ~1.4 GB). */
const FALLBACK_MAX_VRAM_MB = 1500;

/** What a model needs, from a catalog entry or a saved record. */
export interface ModelNeed {
  needsShaderF16: boolean;
  /** Declared maxStorageBufferBindingSize need (web-llm's `buffer_size_required_bytes`). */
  bufferSizeRequiredBytes?: number | undefined;
  /** The largest single weight tensor, when the tensor-cache.json was read. */
  largestTensorBytes?: number | undefined;
  vramRequiredMB: number | null;
  parameters?: number | null;
  isLowResource?: boolean;
}

export interface ModelAdvice {
  canRun: boolean;
  isRecommended: boolean;
  /** Why it cannot run, or why it is not recommended; '' when recommended. */
  reason: string;
}

/** The rule. `deviceMemoryGiB` is `navigator.deviceMemory` (undefined outside Chromium). */
export function adviseModel(
  need: ModelNeed,
  capability: CapabilityDecision | null,
  deviceMemoryGiB?: number | null,
): ModelAdvice {
  const blocker = findBlocker(need, capability);
  if (blocker !== null) return { canRun: false, isRecommended: false, reason: blocker };
  const caution = findCaution(need, capability as CapabilityDecision, deviceMemoryGiB);
  return { canRun: true, isRecommended: caution === null, reason: caution ?? '' };
}

function findBlocker(need: ModelNeed, capability: CapabilityDecision | null): string | null {
  if (capability === null) return 'checking this device…';
  if (capability.status === 'unavailable') return 'WebGPU is not usable in this browser.';
  if (need.needsShaderF16 && !capability.hasF16) return 'needs shader-f16, which this GPU lacks.';
  const binding = capability.bindingBytesAvailable;
  const buffer = Math.max(need.bufferSizeRequiredBytes ?? 0, need.largestTensorBytes ?? 0);
  if (buffer > binding) {
    return `needs ${Math.ceil(buffer / MIB)} MiB buffers; this GPU allows ${Math.floor(binding / MIB)} MiB.`;
  }
  return null;
}

function findCaution(
  need: ModelNeed,
  capability: CapabilityDecision,
  deviceMemoryGiB: number | null | undefined,
): string | null {
  const vram = need.vramRequiredMB;
  if (capability.isFallback === true) {
    const isSmall =
      need.parameters != null
        ? need.parameters <= FALLBACK_MAX_PARAMETERS
        : vram !== null && vram <= FALLBACK_MAX_VRAM_MB;
    if (!isSmall) return 'runs, but very slowly on this software GPU.';
  }
  if (capability.bindingBytesAvailable < 2 ** 30 && need.isLowResource === false) {
    return 'runs, but is not a low-resource build for this small-buffer GPU.';
  }
  const budget = memoryBudgetMB(deviceMemoryGiB);
  if (vram !== null && vram > budget) {
    return `runs, but needs about ${Math.round(vram)} MB of GPU memory (budget here: ${budget} MB).`;
  }
  return null;
}

/** The panel's advice about model size, worded from the same rule. */
export const FALLBACK_ADVICE =
  'Use the models marked "recommended here" (the smallest, up to about 0.6B parameters), or ' +
  'enable hardware acceleration.';

/** A build's short label: "Gemma 2 2B it · q4f16_1", and "· 1k context" for "-1k" builds. */
export function labelModelBuild(entry: {
  name: string;
  quantization: string;
  contextWindowSize: number | null;
}): string {
  const context =
    entry.contextWindowSize !== null && entry.contextWindowSize < 4096
      ? ` · ${Math.round(entry.contextWindowSize / 1024)}k context`
      : '';
  return `${entry.name} · ${entry.quantization}${context}`;
}
