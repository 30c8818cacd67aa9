import { describe, expect, it } from 'vitest';
import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import {
  buildCatalog,
  estimateDownloadBytes,
  isRunnable,
  parseParameterCount,
  parseQuantization,
  pickDefaultModel,
} from '../../src/engine/catalog';
import { decideCapability } from '../../src/engine/capability';
import type { AdapterFacts, CapabilityDecision } from '../../src/engine/capability';
import type { ModelRecordLike } from '../../src/engine/modelRecord';

const GIB = 1024 ** 3;

function capability(features: string[], binding = 2 * GIB): CapabilityDecision {
  const facts: AdapterFacts = {
    vendor: 'v',
    architecture: 'a',
    isFallback: false,
    features,
    limits: {
      maxStorageBufferBindingSize: binding,
      maxBufferSize: 2 * GIB,
      maxComputeWorkgroupStorageSize: 32768,
    },
  };
  return decideCapability({ hasNavigatorGpu: true, adapter: facts });
}

const WITH_F16 = capability(['shader-f16']);
const WITHOUT_F16 = capability([]);

describe('id parsing', () => {
  it.each([
    ['Qwen2.5-0.5B-Instruct-q4f16_1-MLC', 5e8, '0.5B', 'q4f16_1'],
    ['SmolLM2-360M-Instruct-q4f32_1-MLC', 3.6e8, '360M', 'q4f32_1'],
    ['gemma-2-2b-it-q4f16_1-MLC-1k', 2e9, '2B', 'q4f16_1'],
    ['TinyLlama-1.1B-Chat-v1.0-q4f32_1-MLC', 1.1e9, '1.1B', 'q4f32_1'],
    ['Llama-3.2-3B-Instruct-q0f16-MLC', 3e9, '3B', 'q0f16'],
  ])('%s → %d params (%s), %s', (id, count, label, quantization) => {
    expect(parseParameterCount(id)).toEqual({ count, label });
    expect(parseQuantization(id)).toBe(quantization);
  });

  it('returns null when the id carries no size or quantization', () => {
    expect(parseParameterCount('Phi-3.5-mini-instruct-q4f16_1-MLC')).toBeNull();
    expect(parseQuantization('my-model')).toBeNull();
  });

  it.each([
    [5e8, 'q4f16_1', 281_250_000],
    [1e9, 'q0f16', 2_000_000_000],
    [null, 'q4f16_1', null],
    [1e9, 'weird', null],
  ] as const)('estimates %s params in %s as %s bytes', (params, quantization, bytes) => {
    expect(estimateDownloadBytes(params, quantization)).toBe(bytes);
  });
});

describe('catalog from a fake model list', () => {
  const fake: ModelRecordLike[] = [
    {
      model: 'https://hf/x',
      model_id: 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC',
      model_lib: 'lib1',
      vram_required_MB: 900,
    },
    {
      model: 'https://hf/y',
      model_id: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC',
      model_lib: 'lib2',
      vram_required_MB: 1000,
    },
    { model: 'https://hf/z', model_id: 'Qwen2.5-0.5B-Instruct-q0f32-MLC', model_lib: 'lib3' },
    { model: 'https://hf/e', model_id: 'Qwen2.5-7B-Instruct-q4f16_1-MLC', model_lib: 'lib4' },
    {
      model: 'https://hf/g',
      model_id: 'gemma-2-2b-it-q4f32_1-MLC',
      model_lib: 'lib5',
      buffer_size_required_bytes: 262144000,
    },
    {
      model: 'https://hf/p',
      model_id: 'Phi-3.5-mini-instruct-q4f32_1-MLC',
      model_lib: 'lib6',
      model_type: 0,
    },
    {
      model: 'https://hf/v',
      model_id: 'SmolLM2-360M-Instruct-q4f32_1-MLC',
      model_lib: 'lib7',
      model_type: 1,
    },
  ];

  it('keeps curated 4-bit LLM builds only, in family order', () => {
    expect(buildCatalog(fake).map((e) => e.id)).toEqual([
      'Qwen2.5-0.5B-Instruct-q4f16_1-MLC',
      'Qwen2.5-0.5B-Instruct-q4f32_1-MLC',
      'gemma-2-2b-it-q4f32_1-MLC',
      'Phi-3.5-mini-instruct-q4f32_1-MLC',
    ]);
  });

  it('fills parameters from the family when the id lacks them', () => {
    const phi = buildCatalog(fake).find((e) => e.family === 'Phi-3.5');
    expect(phi?.parameters).toBe(3.8e9);
    expect(phi?.parametersLabel).toBe('3.8B');
  });

  it('marks a model needing 250 MiB buffers unrunnable on a 128 MiB device', () => {
    const gemma = buildCatalog(fake).find((e) => e.id.startsWith('gemma'));
    if (gemma === undefined) throw new Error('gemma entry missing');
    expect(isRunnable(gemma, capability([], 512 * 1024 ** 2))).toEqual({
      isRunnable: false,
      isRecommended: false,
      reason: 'needs 250 MiB buffers; this GPU allows 128 MiB.',
    });
    expect(isRunnable(gemma, WITHOUT_F16).isRunnable).toBe(true);
  });
});

describe('catalog from the installed web-llm prebuiltAppConfig', () => {
  const catalog = buildCatalog(prebuiltAppConfig.model_list);
  const byId = new Map(catalog.map((entry) => [entry.id, entry]));

  it('contains real ids of every curated family', () => {
    for (const id of [
      'Qwen2.5-0.5B-Instruct-q4f16_1-MLC',
      'Qwen2.5-0.5B-Instruct-q4f32_1-MLC',
      'SmolLM2-360M-Instruct-q4f32_1-MLC',
      'Qwen3-0.6B-q4f32_1-MLC',
      'Llama-3.2-1B-Instruct-q4f32_1-MLC',
      'gemma-2-2b-it-q4f32_1-MLC',
      'Phi-3.5-mini-instruct-q4f32_1-MLC',
      'TinyLlama-1.1B-Chat-v1.0-q4f32_1-MLC',
    ]) {
      expect(byId.has(id), id).toBe(true);
    }
    expect(catalog.every((entry) => ['q4f16_1', 'q4f32_1'].includes(entry.quantization))).toBe(
      true,
    );
  });

  it('carries web-llm figures read at run time', () => {
    const qwen = byId.get('Qwen2.5-0.5B-Instruct-q4f32_1-MLC');
    const record = prebuiltAppConfig.model_list.find(
      (r) => r.model_id === 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC',
    );
    expect(qwen?.vramRequiredMB).toBe(record?.vram_required_MB);
    expect(qwen?.modelLibUrl).toBe(record?.model_lib);
    expect(qwen?.parameters).toBe(5e8);
    expect(qwen?.isLowResource).toBe(true);
  });

  it('picks the Qwen2.5-0.5B q4f32_1 build without shader-f16 and q4f16_1 with it', () => {
    expect(pickDefaultModel(catalog, WITHOUT_F16)?.id).toBe('Qwen2.5-0.5B-Instruct-q4f32_1-MLC');
    expect(pickDefaultModel(catalog, WITH_F16)?.id).toBe('Qwen2.5-0.5B-Instruct-q4f16_1-MLC');
  });

  it('treats every f16 build as needing shader-f16, even where web-llm omits required_features', () => {
    for (const id of [
      'Qwen2.5-0.5B-Instruct-q4f16_1-MLC',
      'SmolLM2-360M-Instruct-q4f16_1-MLC',
      'Qwen3-0.6B-q4f16_1-MLC',
    ]) {
      const entry = byId.get(id);
      if (entry === undefined) throw new Error(`${id} missing from catalog`);
      expect(entry.needsShaderF16).toBe(true);
      expect(isRunnable(entry, WITHOUT_F16)).toEqual({
        isRunnable: false,
        isRecommended: false,
        reason: 'needs shader-f16, which this GPU lacks.',
      });
      expect(isRunnable(entry, WITH_F16).isRunnable).toBe(true);
    }
  });

  it('offers nothing when WebGPU is unavailable', () => {
    const none = decideCapability({ hasNavigatorGpu: false, adapter: null });
    expect(pickDefaultModel(catalog, none)).toBeNull();
  });
});
