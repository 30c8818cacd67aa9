import { describe, expect, it } from 'vitest';
import {
  createCustomModelRecord,
  validateCustomModelId,
  validateWeightsUrl,
} from '../../src/engine/customModel';
import type { CustomModelInput } from '../../src/engine/customModel';

const BASE: CustomModelInput['base'] = {
  id: 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC',
  modelUrl: 'https://huggingface.co/mlc-ai/Qwen2.5-0.5B-Instruct-q4f16_1-MLC',
  modelLibUrl: 'https://example.org/libs/Qwen2-0.5B-Instruct-q4f16_1_cs1k-webgpu.wasm',
  quantization: 'q4f16_1',
  needsShaderF16: true,
  vramRequiredMB: 944.62,
  isLowResource: true,
  contextWindowSize: 4096,
};

const BASE_CONFIG = {
  model_type: 'qwen2',
  quantization: 'q4f16_1',
  vocab_size: 151936,
  model_config: { hidden_size: 896, num_hidden_layers: 24 },
};

function fetchServing(configs: Record<string, unknown>) {
  return async (url: string): Promise<Response> => {
    if (!(url in configs)) return new Response('not found', { status: 404 });
    const body = configs[url];
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status: 200 });
  };
}

const BASE_CONFIG_URL =
  'https://huggingface.co/mlc-ai/Qwen2.5-0.5B-Instruct-q4f16_1-MLC/resolve/main/mlc-chat-config.json';
const MINE = 'https://huggingface.co/me/warm-qwen-MLC/resolve/main/';

describe('validateWeightsUrl', () => {
  it.each([
    ['https://huggingface.co/me/warm-qwen-MLC', MINE],
    ['https://huggingface.co/me/warm-qwen-MLC/', MINE],
    [
      'https://huggingface.co/me/warm-qwen-MLC/resolve/v2/',
      'https://huggingface.co/me/warm-qwen-MLC/resolve/v2/',
    ],
    [
      'https://raw.githubusercontent.com/me/models/main/warm/',
      'https://raw.githubusercontent.com/me/models/main/warm/resolve/main/',
    ],
    ['https://cdn.hf.co/me/warm/', 'https://cdn.hf.co/me/warm/resolve/main/'],
  ])('%s → %s', (input, expected) => {
    expect(validateWeightsUrl(input)).toBe(expected);
  });

  it.each([
    ['http://huggingface.co/me/repo', 'must use https (got http:)'],
    ['not a url', 'is not a URL'],
    [
      'https://huggingface.co/me/repo/tree/main',
      'should look like https://huggingface.co/<org>/<repo>',
    ],
    ['https://models.example.org/warm', 'must end with "/"'],
    [
      'https://models.example.org/warm/',
      "this app's Content-Security-Policy lets the model worker download only from https://huggingface.co, " +
        'https://*.huggingface.co, https://*.hf.co, https://raw.githubusercontent.com, so the download would be blocked',
    ],
    ['https://hf.co.evil.example/warm/', 'so the download would be blocked'],
    ['https://huggingface.co/me/repo?x=1', 'must not contain "?" or "#"'],
  ])('rejects %s', (input, message) => {
    expect(() => validateWeightsUrl(input)).toThrow(message);
  });
});

describe('validateCustomModelId', () => {
  it('accepts a clean id and rejects bad characters or duplicates', () => {
    expect(validateCustomModelId(' warm-qwen_v1.0 ')).toBe('warm-qwen_v1.0');
    expect(() => validateCustomModelId('warm qwen')).toThrow('use 1–128 letters');
    expect(() => validateCustomModelId('taken', ['taken'])).toThrow('"taken" is already used');
  });
});

describe('createCustomModelRecord', () => {
  const input: CustomModelInput = {
    modelId: 'warm-qwen',
    weightsUrl: 'https://huggingface.co/me/warm-qwen-MLC',
    base: BASE,
  };

  it('reuses the base library, overrides and requirements when the configs agree', async () => {
    const fetchFn = fetchServing({
      [BASE_CONFIG_URL]: BASE_CONFIG,
      [`${MINE}mlc-chat-config.json`]: BASE_CONFIG,
      [`${MINE}tensor-cache.json`]: { records: [] },
    });
    expect(await createCustomModelRecord(input, fetchFn)).toEqual({
      model: MINE,
      model_id: 'warm-qwen',
      model_lib: BASE.modelLibUrl,
      base_model_id: BASE.id,
      overrides: { context_window_size: 4096 },
      architecture: 'qwen2',
      vram_required_MB: 944.62,
      low_resource_required: true,
      required_features: ['shader-f16'],
    });
  });

  it.each([
    [
      { ...BASE_CONFIG, model_type: 'llama' },
      'model_type is "llama" but the library of Qwen2.5-0.5B-Instruct-q4f16_1-MLC expects "qwen2"',
    ],
    [{ ...BASE_CONFIG, quantization: 'q4f32_1' }, 'quantization is "q4f32_1" but the library'],
    [
      { ...BASE_CONFIG, model_config: { hidden_size: 1536 } },
      'model_config.hidden_size is 1536 but',
    ],
    [{ quantization: 'q4f16_1' }, 'has no "model_type"'],
    ['[1,2]', 'is not a JSON object'],
  ])('rejects mismatching weights: %j', async (customConfig, message) => {
    const fetchFn = fetchServing({
      [BASE_CONFIG_URL]: BASE_CONFIG,
      [`${MINE}mlc-chat-config.json`]: customConfig,
    });
    await expect(createCustomModelRecord(input, fetchFn)).rejects.toMatchObject({
      name: 'InvalidModelError',
      message: expect.stringContaining(message) as unknown,
    });
  });

  it('requires tensor-cache.json and explains an old ndarray-cache.json conversion', async () => {
    const configs = {
      [BASE_CONFIG_URL]: BASE_CONFIG,
      [`${MINE}mlc-chat-config.json`]: BASE_CONFIG,
    };
    await expect(createCustomModelRecord(input, fetchServing(configs))).rejects.toThrow(
      `${MINE}tensor-cache.json was not found (HTTP 404); web-llm 0.2.86 needs it to load the weights.`,
    );
    const legacy = fetchServing({ ...configs, [`${MINE}ndarray-cache.json`]: { records: [] } });
    await expect(createCustomModelRecord(input, legacy)).rejects.toThrow(
      `${MINE} has ndarray-cache.json but no tensor-cache.json: it was converted by an older mlc_llm`,
    );
  });

  it('reports a missing config with the URL and status', async () => {
    const fetchFn = fetchServing({ [BASE_CONFIG_URL]: BASE_CONFIG });
    await expect(createCustomModelRecord(input, fetchFn)).rejects.toThrow(
      `${MINE}mlc-chat-config.json answered HTTP 404; is this an MLC-converted model folder?`,
    );
  });
});
