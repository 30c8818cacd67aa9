import { describe, expect, it } from 'vitest';
import type { CapabilityDecision } from '../../src/engine/capability';
import type { CatalogEntry } from '../../src/engine/catalog';
import { savedLocalModel } from '../../src/engine/savedModels';
import { listUsableModels } from '../../src/engine/usableModels';

function entry(id: string, quantization: string, vram: number): CatalogEntry {
  return {
    id,
    family: 'Qwen2.5',
    name: 'Qwen2.5 0.5B Instruct',
    parameters: 5e8,
    parametersLabel: '0.5B',
    quantization,
    contextWindowSize: 4096,
    vramRequiredMB: vram,
    isLowResource: true,
    needsShaderF16: quantization.includes('f16'),
    modelUrl: 'https://huggingface.co/mlc-ai/x',
    modelLibUrl: 'https://example.invalid/x.wasm',
    approxDownloadBytes: 1,
  };
}

const CAPABILITY: CapabilityDecision = {
  status: 'limited',
  hasF16: false,
  quantization: 'q4f32_1',
  reasons: [],
  advice: [],
  bindingBytesAvailable: 2 ** 30,
  adapterLabel: 'google swiftshader',
};
const CATALOG = [entry('q-f16', 'q4f16_1', 944), entry('q-f32', 'q4f32_1', 1060)];
const BASE_RECORD = { model: 'https://h/', model_lib: 'https://h/l.wasm' };
const SAVED = [
  savedLocalModel({ ...BASE_RECORD, model_id: 'local-a' }, { fileCount: 1, totalBytes: 1 }, 't'),
  savedLocalModel(
    {
      ...BASE_RECORD,
      model_id: 'local-b',
      required_features: ['shader-f16'],
      vram_required_MB: 900,
    },
    { fileCount: 1, totalBytes: 1 },
    't',
  ),
];
const ENDPOINTS = [{ name: 'ollama', baseUrl: 'http://localhost:11434/v1', model: 'llama3.2:1b' }];

describe('listUsableModels', () => {
  it('merges catalog, saved and endpoints with runnability on a device without f16', () => {
    const rows = listUsableModels(CATALOG, SAVED, ENDPOINTS, CAPABILITY).map((m) => [
      m.id,
      m.source,
      m.vramRequiredMB,
      m.isRunnable,
    ]);
    expect(rows).toEqual([
      ['q-f16', 'catalog', 944, false],
      ['q-f32', 'catalog', 1060, true],
      ['local-a', 'local', null, true],
      ['local-b', 'local', 900, false],
      ['endpoint:ollama', 'endpoint', 0, true],
    ]);
  });
  it.each([
    [null, 'checking this device…'],
    [{ ...CAPABILITY, status: 'unavailable' as const }, 'WebGPU is not usable in this browser.'],
  ])('gives the reason a saved model cannot run (%j)', (capability, reason) => {
    const models = listUsableModels([], SAVED, ENDPOINTS, capability);
    expect(models[0]?.reason).toBe(reason);
    expect(models[2]).toMatchObject({ id: 'endpoint:ollama', isRunnable: true, reason: '' });
  });
  it('labels endpoints with their model', () => {
    expect(listUsableModels([], [], ENDPOINTS, CAPABILITY)[0]?.label).toBe(
      'ollama: llama3.2:1b (remote endpoint)',
    );
  });
});
