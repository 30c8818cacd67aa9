import { describe, expect, it } from 'vitest';
import { createFakeWebLlm, record } from './support/fakeWebLlm';
import { connectWorkerEngine } from './support/channel';
import { mergeModelList } from '../../src/engine/workerCache';
import type { ModelRecordLike } from '../../src/engine/modelRecord';

const BASE: ModelRecordLike = {
  model: 'https://huggingface.co/mlc-ai/Qwen2.5-0.5B-Instruct-q4f16_1-MLC',
  model_id: 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC',
  model_lib:
    'https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/Qwen2-0.5B-Instruct-q4f16_1_cs1k-webgpu.wasm',
  vram_required_MB: 944.62,
  low_resource_required: true,
  overrides: { context_window_size: 4096 },
};
/** Saved before a web-llm upgrade: an older library URL, and no overrides (as records were). */
const SAVED_CUSTOM: ModelRecordLike = {
  model: 'https://huggingface.co/me/warm-qwen/resolve/main/',
  model_id: 'warm-qwen',
  model_lib: BASE.model_lib.replace('v0_2_86', 'v0_2_80'),
  base_model_id: BASE.model_id,
};

describe('the worker model list', () => {
  it("re-resolves a custom record from its base: today's library, overrides and memory", () => {
    const list = mergeModelList([BASE], [SAVED_CUSTOM]);
    expect(list[1]).toEqual({
      ...SAVED_CUSTOM,
      model_lib: BASE.model_lib,
      vram_required_MB: 944.62,
      low_resource_required: true,
      overrides: { context_window_size: 4096 },
    });
  });

  it('keeps a record whose base this web-llm no longer lists as saved', () => {
    const orphan = { ...SAVED_CUSTOM, base_model_id: 'Gone-1B-q4f16_1-MLC' };
    expect(mergeModelList([BASE], [orphan])[1]).toEqual(orphan);
  });
});

describe('deleting a model that shares its library', () => {
  function setup(cachedIds: string[]) {
    const fake = createFakeWebLlm({ models: [] });
    const base = { ...record('base'), model_lib: 'https://libs.invalid/shared.wasm' };
    const binding = {
      ...fake.binding,
      prebuiltModels: [base],
      hasModelInCache: async (modelId: string) => cachedIds.includes(modelId),
    };
    const connected = connectWorkerEngine(binding);
    const custom = {
      ...record('warm'),
      model_lib: 'https://libs.invalid/old.wasm',
      base_model_id: 'base',
    };
    connected.engine.setCustomModels([custom]);
    return { engine: connected.engine, log: fake.log, close: connected.close };
  }

  it('keeps the library when the other model is still cached, in both directions', async () => {
    const { engine, log, close } = setup(['base', 'warm']);
    await engine.deleteCachedModel('warm');
    await engine.deleteCachedModel('base');
    expect(log.deletes).toEqual([
      { modelId: 'warm', isLibraryKept: true },
      { modelId: 'base', isLibraryKept: true },
    ]);
    close();
  });

  it('deletes the library with the last cached model that uses it', async () => {
    const { engine, log, close } = setup(['base']);
    await engine.deleteCachedModel('base');
    expect(log.deletes).toEqual([{ modelId: 'base', isLibraryKept: false }]);
    close();
  });
});
