/**
 * Can this browser run web-llm, and with which weight quantization?
 *
 * Owns: `decideCapability` (a pure decision over adapter facts) and `probeCapability` (gathers
 * those facts from `navigator.gpu` in a browser or worker). Invariants: the decision never
 * throws; every non-ready status comes with at least one reason and one piece of advice in
 * plain words. The thresholds mirror web-llm 0.2.86's device request (`detectGPUDevice`): it asks
 * for 1 GiB buffers and falls back to 256 MiB (maxBufferSize) / 128 MiB
 * (maxStorageBufferBindingSize), needs 32 KiB workgroup storage and 10 storage buffers per stage.
 */

import { FALLBACK_ADVICE } from './advice';

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

/** What web-llm requests first, and the floors it falls back to before refusing to start. */
export const WEBLLM_LIMITS = {
  preferredBindingBytes: GIB,
  minBindingBytes: 128 * MIB,
  preferredBufferBytes: GIB,
  minBufferBytes: 256 * MIB,
  minWorkgroupStorageBytes: 32 * 1024,
  minStorageBuffersPerStage: 10,
} as const;

export interface AdapterFacts {
  vendor: string;
  architecture: string;
  isFallback: boolean;
  features: string[];
  limits: {
    maxStorageBufferBindingSize: number;
    maxBufferSize: number;
    maxComputeWorkgroupStorageSize: number;
    /** Optional because older probes did not collect it. */
    maxStorageBuffersPerShaderStage?: number;
  };
}

export interface CapabilityInput {
  hasNavigatorGpu: boolean;
  adapter: AdapterFacts | null;
}

export type Quantization = 'q4f16_1' | 'q4f32_1';

export interface CapabilityDecision {
  status: 'ready' | 'limited' | 'unavailable';
  hasF16: boolean;
  /** The prebuilt weight format to prefer on this device. */
  quantization: Quantization;
  reasons: string[];
  advice: string[];
  /**
   * The maxStorageBufferBindingSize web-llm will actually get (1 GiB or its 128 MiB fallback);
   * 0 when WebGPU is unusable. Catalog entries needing more are not runnable.
   */
  bindingBytesAvailable: number;
  /** "vendor architecture" for display, empty when unknown. */
  adapterLabel: string;
  /** A software adapter (SwiftShader and the like): only the smallest models are recommended. */
  isFallback?: boolean;
}

/** A model's declared need for storage-buffer binding size (catalog entries fit this shape). */
export interface ModelBufferNeed {
  id: string;
  bufferSizeRequiredBytes?: number;
}

const MAX_NAMED_MODELS = 4;

const ENDPOINT_ADVICE =
  'Or connect an OpenAI-compatible endpoint (Ollama, llama.cpp server, vLLM) on the Models page, import a model folder there, or import outputs to analyse on the Results page.';

/**
 * Decides whether web-llm can run here and which quantization to use.
 * Pure: the same facts always give the same decision. Pass the catalog entries as `models` to
 * have the reasons name the models a small buffer limit rules out.
 */
export function decideCapability(
  input: CapabilityInput,
  models: readonly ModelBufferNeed[] = [],
): CapabilityDecision {
  if (!input.hasNavigatorGpu) {
    return unavailable('This browser does not offer WebGPU (navigator.gpu is missing).', [
      'Use Chrome/Edge 113+ on a desktop computer, or a recent Safari/Firefox with WebGPU enabled.',
      ENDPOINT_ADVICE,
    ]);
  }
  const { adapter } = input;
  if (adapter === null) {
    return unavailable('WebGPU is present but the browser gave no GPU adapter.', [
      'Turn on hardware acceleration in the browser settings, update the GPU driver, and check chrome://gpu.',
      ENDPOINT_ADVICE,
    ]);
  }
  const blockers = findBlockingLimits(adapter);
  if (blockers.length > 0) {
    return { ...unavailable('', limitAdvice()), reasons: blockers, adapterLabel: labelOf(adapter) };
  }
  return decideForUsableAdapter(adapter, models);
}

function decideForUsableAdapter(
  adapter: AdapterFacts,
  models: readonly ModelBufferNeed[],
): CapabilityDecision {
  const hasF16 = adapter.features.includes('shader-f16');
  const reasons: string[] = [];
  const advice: string[] = [];
  if (adapter.isFallback) {
    reasons.push(
      'The GPU adapter is a software fallback (e.g. SwiftShader): generation works but is very slow.',
    );
    advice.push(FALLBACK_ADVICE);
  }
  if (!hasF16) {
    reasons.push(
      'No shader-f16 support: using q4f32_1 builds, which need roughly 20–40% more memory than q4f16_1.',
    );
  }
  const bindingBytes = usableBindingBytes(adapter);
  const isSmallBinding = bindingBytes < WEBLLM_LIMITS.preferredBindingBytes;
  if (isSmallBinding) {
    reasons.push(
      `maxStorageBufferBindingSize is ${formatMiB(adapter.limits.maxStorageBufferBindingSize)}, below 1 GiB: ` +
        `web-llm falls back to 128 MiB, so ${describeAffected(models, bindingBytes)} cannot run.`,
    );
    advice.push('Use the models marked "recommended here": the low-resource builds.');
  }
  return {
    status: adapter.isFallback || isSmallBinding ? 'limited' : 'ready',
    hasF16,
    quantization: hasF16 ? 'q4f16_1' : 'q4f32_1',
    reasons,
    advice,
    bindingBytesAvailable: bindingBytes,
    adapterLabel: labelOf(adapter),
    isFallback: adapter.isFallback,
  };
}

/** web-llm asks for 1 GiB and, when the adapter offers less, settles for its 128 MiB floor. */
function usableBindingBytes(adapter: AdapterFacts): number {
  return adapter.limits.maxStorageBufferBindingSize >= WEBLLM_LIMITS.preferredBindingBytes
    ? WEBLLM_LIMITS.preferredBindingBytes
    : WEBLLM_LIMITS.minBindingBytes;
}

/** Limits below web-llm's fallback floors make it refuse to create a device at all. */
function findBlockingLimits(adapter: AdapterFacts): string[] {
  const { limits } = adapter;
  const found: string[] = [];
  if (limits.maxBufferSize < WEBLLM_LIMITS.minBufferBytes) {
    found.push(
      `maxBufferSize is ${formatMiB(limits.maxBufferSize)}; web-llm needs at least 256 MiB.`,
    );
  }
  if (limits.maxStorageBufferBindingSize < WEBLLM_LIMITS.minBindingBytes) {
    found.push(
      `maxStorageBufferBindingSize is ${formatMiB(limits.maxStorageBufferBindingSize)}; web-llm needs at least 128 MiB.`,
    );
  }
  if (limits.maxComputeWorkgroupStorageSize < WEBLLM_LIMITS.minWorkgroupStorageBytes) {
    found.push(
      `maxComputeWorkgroupStorageSize is ${limits.maxComputeWorkgroupStorageSize} bytes; web-llm needs 32768.`,
    );
  }
  const buffersPerStage = limits.maxStorageBuffersPerShaderStage;
  if (buffersPerStage !== undefined && buffersPerStage < WEBLLM_LIMITS.minStorageBuffersPerStage) {
    found.push(`maxStorageBuffersPerShaderStage is ${buffersPerStage}; web-llm needs 10.`);
  }
  return found;
}

/** Names the models whose declared buffer need exceeds what the device will get. */
function describeAffected(models: readonly ModelBufferNeed[], bindingBytes: number): string {
  const affected = models
    .filter((model) => (model.bufferSizeRequiredBytes ?? 0) > bindingBytes)
    .map((model) => model.id);
  if (affected.length === 0) return 'models that declare a larger buffer requirement';
  const shown = affected.slice(0, MAX_NAMED_MODELS).join(', ');
  const rest = affected.length - MAX_NAMED_MODELS;
  return rest > 0 ? `${shown} and ${rest} more` : shown;
}

function limitAdvice(): string[] {
  return [
    'This GPU or driver is too limited for web-llm; try another browser or device.',
    ENDPOINT_ADVICE,
  ];
}

function unavailable(reason: string, advice: string[]): CapabilityDecision {
  return {
    status: 'unavailable',
    hasF16: false,
    quantization: 'q4f32_1',
    reasons: [reason],
    advice,
    bindingBytesAvailable: 0,
    adapterLabel: '',
  };
}

function labelOf(adapter: AdapterFacts): string {
  return [adapter.vendor, adapter.architecture].filter((part) => part !== '').join(' ');
}

function formatMiB(bytes: number): string {
  return `${Math.floor(bytes / MIB)} MiB`;
}

/**
 * Collects `CapabilityInput` from `navigator.gpu` (page or worker). Never throws: a failing
 * `requestAdapter` counts as "no adapter".
 */
export async function probeCapability(): Promise<CapabilityInput> {
  const gpu = typeof navigator === 'undefined' ? undefined : navigator.gpu;
  if (gpu === undefined || gpu === null) return { hasNavigatorGpu: false, adapter: null };
  let adapter: GPUAdapter | null = null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch {
    adapter = null;
  }
  if (adapter === null) return { hasNavigatorGpu: true, adapter: null };
  return { hasNavigatorGpu: true, adapter: describeAdapter(adapter) };
}

/** `navigator.deviceMemory` (GiB, coarse, Chromium only), or null where it is not reported. */
export function readDeviceMemoryGiB(): number | null {
  const memory = (globalThis.navigator as { deviceMemory?: unknown } | undefined)?.deviceMemory;
  return typeof memory === 'number' ? memory : null;
}

/** Convenience for the UI: probe, then decide. */
export async function probeAndDecideCapability(): Promise<CapabilityDecision> {
  return decideCapability(await probeCapability());
}

function describeAdapter(adapter: GPUAdapter): AdapterFacts {
  // `adapter.info` is missing in older Chromium; `isFallbackAdapter` moved from the adapter to info.
  const info = (adapter as { info?: Partial<GPUAdapterInfo> }).info ?? {};
  const legacyFallback = (adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter;
  return {
    vendor: info.vendor ?? '',
    architecture: info.architecture ?? '',
    isFallback: info.isFallbackAdapter ?? legacyFallback ?? false,
    features: Array.from(adapter.features),
    limits: {
      maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
      maxBufferSize: adapter.limits.maxBufferSize,
      maxComputeWorkgroupStorageSize: adapter.limits.maxComputeWorkgroupStorageSize,
      maxStorageBuffersPerShaderStage: adapter.limits.maxStorageBuffersPerShaderStage,
    },
  };
}
