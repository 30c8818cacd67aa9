import { describe, expect, it } from 'vitest';
import { decideCapability } from '../../src/engine/capability';
import type { AdapterFacts, CapabilityInput } from '../../src/engine/capability';

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

function adapter(
  overrides: Partial<AdapterFacts> = {},
  limits: Partial<AdapterFacts['limits']> = {},
): AdapterFacts {
  return {
    vendor: 'nvidia',
    architecture: 'ampere',
    isFallback: false,
    features: ['shader-f16', 'subgroups'],
    ...overrides,
    limits: {
      maxStorageBufferBindingSize: 2 * GIB,
      maxBufferSize: 2 * GIB,
      maxComputeWorkgroupStorageSize: 32768,
      maxStorageBuffersPerShaderStage: 10,
      ...limits,
    },
  };
}

const withAdapter = (facts: AdapterFacts): CapabilityInput => ({
  hasNavigatorGpu: true,
  adapter: facts,
});

describe('decideCapability', () => {
  it.each([
    ['f16 present', withAdapter(adapter()), 'ready', true, 'q4f16_1', 1 * GIB],
    ['f16 absent', withAdapter(adapter({ features: [] })), 'ready', false, 'q4f32_1', 1 * GIB],
    [
      'fallback adapter',
      withAdapter(adapter({ isFallback: true, features: [] })),
      'limited',
      false,
      'q4f32_1',
      GIB,
    ],
    [
      '256 MiB binding',
      withAdapter(adapter({}, { maxStorageBufferBindingSize: 256 * MIB })),
      'limited',
      true,
      'q4f16_1',
      128 * MIB,
    ],
    [
      'no navigator.gpu',
      { hasNavigatorGpu: false, adapter: null },
      'unavailable',
      false,
      'q4f32_1',
      0,
    ],
    ['no adapter', { hasNavigatorGpu: true, adapter: null }, 'unavailable', false, 'q4f32_1', 0],
    [
      '64 MiB binding',
      withAdapter(adapter({}, { maxStorageBufferBindingSize: 64 * MIB })),
      'unavailable',
      false,
      'q4f32_1',
      0,
    ],
    [
      '128 MiB buffers',
      withAdapter(adapter({}, { maxBufferSize: 128 * MIB })),
      'unavailable',
      false,
      'q4f32_1',
      0,
    ],
    [
      '16 KiB workgroup',
      withAdapter(adapter({}, { maxComputeWorkgroupStorageSize: 16384 })),
      'unavailable',
      false,
      'q4f32_1',
      0,
    ],
    [
      '8 buffers/stage',
      withAdapter(adapter({}, { maxStorageBuffersPerShaderStage: 8 })),
      'unavailable',
      false,
      'q4f32_1',
      0,
    ],
  ] as const)('%s → %s, f16 %s, %s', (_label, input, status, hasF16, quantization, binding) => {
    const decision = decideCapability(input);
    expect(decision.status).toBe(status);
    expect(decision.hasF16).toBe(hasF16);
    expect(decision.quantization).toBe(quantization);
    expect(decision.bindingBytesAvailable).toBe(binding);
    if (status !== 'ready') {
      expect(decision.reasons.length).toBeGreaterThan(0);
      expect(decision.advice.length).toBeGreaterThan(0);
    }
  });

  it('gives plain browser advice when WebGPU is missing', () => {
    const decision = decideCapability({ hasNavigatorGpu: false, adapter: null });
    expect(decision.advice[0]).toMatch(/^Use Chrome\/Edge 113\+/);
    expect(decision.reasons[0]).toContain('navigator.gpu');
  });

  it('says that q4f32_1 is chosen because shader-f16 is missing', () => {
    const decision = decideCapability(withAdapter(adapter({ features: [] })));
    expect(decision.reasons).toHaveLength(1);
    expect(decision.reasons[0]).toContain('q4f32_1');
    expect(decision.reasons[0]).toContain('shader-f16');
  });

  it('names the models a small binding limit rules out', () => {
    const models = [
      { id: 'big-a', bufferSizeRequiredBytes: 250 * MIB },
      { id: 'small-b' },
      { id: 'big-c', bufferSizeRequiredBytes: 192 * MIB },
    ];
    const decision = decideCapability(
      withAdapter(adapter({}, { maxStorageBufferBindingSize: 512 * MIB })),
      models,
    );
    const reason = decision.reasons.find((r) => r.includes('maxStorageBufferBindingSize')) ?? '';
    expect(reason).toContain('512 MiB');
    expect(reason).toContain('big-a, big-c cannot run');
    expect(reason).not.toContain('small-b');
  });

  it('lists every blocking limit, and labels the adapter', () => {
    const decision = decideCapability(
      withAdapter(adapter({}, { maxBufferSize: 64 * MIB, maxStorageBufferBindingSize: 64 * MIB })),
    );
    expect(decision.reasons).toHaveLength(2);
    expect(decision.adapterLabel).toBe('nvidia ampere');
  });
});
