import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import { describe, expect, it } from 'vitest';
import { adviseModel, FALLBACK_ADVICE, labelModelBuild } from '../../src/engine/advice';
import { decideCapability } from '../../src/engine/capability';
import type { AdapterFacts } from '../../src/engine/capability';
import { buildCatalog, isRunnable } from '../../src/engine/catalog';
import { largestTensorBytes } from '../../src/engine/downloadSize';
import { listUsableModels } from '../../src/engine/usableModels';

const GIB = 2 ** 30;
function adapter(overrides: Partial<AdapterFacts> = {}, binding = 2 * GIB): AdapterFacts {
  return {
    vendor: 'google',
    architecture: 'swiftshader',
    isFallback: false,
    features: [],
    limits: {
      maxStorageBufferBindingSize: binding,
      maxBufferSize: 2 * GIB,
      maxComputeWorkgroupStorageSize: 32768,
      maxStorageBuffersPerShaderStage: 10,
    },
    ...overrides,
  };
}
const catalog = buildCatalog(prebuiltAppConfig.model_list);
const byId = new Map(catalog.map((entry) => [entry.id, entry]));
const entry = (id: string) => {
  const found = byId.get(id);
  if (found === undefined) throw new Error(`${id} missing`);
  return found;
};

describe('one device rule for panel, catalog and pickers', () => {
  it('on a software adapter: Phi-3.5 can run but is not recommended; Qwen2.5-0.5B is', () => {
    const swiftshader = decideCapability({
      hasNavigatorGpu: true,
      adapter: adapter({ isFallback: true }),
    });
    expect(swiftshader.advice).toContain(FALLBACK_ADVICE);
    const phi = isRunnable(entry('Phi-3.5-mini-instruct-q4f32_1-MLC'), swiftshader, 8);
    expect(phi).toEqual({
      isRunnable: true,
      isRecommended: false,
      reason: 'runs, but very slowly on this software GPU.',
    });
    expect(isRunnable(entry('Qwen2.5-0.5B-Instruct-q4f32_1-MLC'), swiftshader, 8)).toEqual({
      isRunnable: true,
      isRecommended: true,
      reason: 'recommended here',
    });
    // The pickers' list says the same as the catalog, from the same rule.
    const usable = listUsableModels(catalog, [], [], swiftshader, 8);
    const phiUsable = usable.find((m) => m.id === 'Phi-3.5-mini-instruct-q4f32_1-MLC');
    expect([phiUsable?.isRunnable, phiUsable?.isRecommended, phiUsable?.reason]).toEqual([
      true,
      false,
      'runs, but very slowly on this software GPU.',
    ]);
  });

  it('points a browser without WebGPU at the routes that work offline, not at an empty panel', () => {
    const none = decideCapability({ hasNavigatorGpu: false, adapter: null });
    expect(none.advice[1]).toBe(
      'Or connect an OpenAI-compatible endpoint (Ollama, llama.cpp server, vLLM) on the Models ' +
        'page, import a model folder there, or import outputs to analyse on the Results page.',
    );
  });

  it('does not recommend a model needing more GPU memory than half the device reports', () => {
    const gpu = decideCapability({ hasNavigatorGpu: true, adapter: adapter() });
    const phi = entry('Phi-3.5-mini-instruct-q4f32_1-MLC');
    expect(adviseModel({ ...phi, parameters: phi.parameters }, gpu, 8)).toEqual({
      canRun: true,
      isRecommended: false,
      reason: 'runs, but needs about 5483 MB of GPU memory (budget here: 4096 MB).',
    });
  });

  it('checks the largest weight tensor against maxStorageBufferBindingSize', () => {
    const small = decideCapability({ hasNavigatorGpu: true, adapter: adapter({}, 512 * 2 ** 20) });
    // Gemma-2-2B's embedding table: 256000 × 2304 int4 weights packed into uint32 ≈ 281 MiB.
    const manifest = {
      records: [
        {
          dataPath: 'params_shard_0.bin',
          records: [{ name: 'embed.q_weight', nbytes: 294912000 }],
        },
        { dataPath: 'params_shard_1.bin', records: [{ name: 'layer.0', nbytes: 1_000_000 }] },
      ],
    };
    const need = {
      needsShaderF16: false,
      vramRequiredMB: 1800,
      largestTensorBytes: largestTensorBytes(manifest),
    };
    expect(adviseModel(need, small)).toEqual({
      canRun: false,
      isRecommended: false,
      reason: 'needs 282 MiB buffers; this GPU allows 128 MiB.',
    });
    expect(largestTensorBytes({ records: [] })).toBe(0);
    // Catalog entries carry the figure once read, through the same rule.
    const gemma = { ...entry('gemma-2-2b-it-q4f32_1-MLC'), bufferSizeRequiredBytes: undefined };
    expect(isRunnable(gemma, small).isRunnable).toBe(true);
    expect(isRunnable({ ...gemma, largestTensorBytes: 294912000 }, small).reason).toBe(
      'needs 282 MiB buffers; this GPU allows 128 MiB.',
    );
  });

  it('labels "-1k" builds apart from their 4k twins', () => {
    const labels = catalog
      .filter((e) => e.id.startsWith('gemma-2-2b-it-q4f16_1'))
      .map((e) => labelModelBuild(e));
    expect(labels).toEqual(['Gemma 2 2B it · q4f16_1', 'Gemma 2 2B it · q4f16_1 · 1k context']);
    expect(new Set(listUsableModels(catalog, [], [], null).map((m) => m.label)).size).toBe(
      catalog.length,
    );
  });
});
