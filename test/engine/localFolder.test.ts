import { describe, expect, it } from 'vitest';
import {
  importLocalFolder,
  planLocalFolderImport,
  slugifyModelName,
  stripCommonFolder,
} from '../../src/engine/localFolder';
import type { CacheStorageLike } from '../../src/engine/localFolder';

const BASE = 'https://local.warmth-lab.invalid/models/warm-qwen-v2/resolve/main/';
const CHAT_CONFIG = {
  tokenizer_files: ['tokenizer.json', 'vocab.json', 'merges.txt'],
  quantization: 'q4f16_1',
};
const TENSOR_CACHE = {
  records: [{ dataPath: 'params_shard_0.bin' }, { dataPath: 'params_shard_1.bin' }],
};
const FILES = [
  'mlc-chat-config.json',
  'tensor-cache.json',
  'tokenizer.json',
  'vocab.json',
  'merges.txt',
  'params_shard_0.bin',
  'params_shard_1.bin',
  'qwen2-q4f16_1-webgpu.wasm',
];

describe('planLocalFolderImport', () => {
  it('computes the exact cache names and URLs web-llm will request', () => {
    const plan = planLocalFolderImport('Warm Qwen v2', FILES, CHAT_CONFIG, TENSOR_CACHE);
    expect(plan.writes.map((w) => [w.cacheName, w.url])).toEqual([
      ['webllm/config', `${BASE}mlc-chat-config.json`],
      ['webllm/model', `${BASE}tensor-cache.json`],
      ['webllm/model', `${BASE}tokenizer.json`],
      ['webllm/model', `${BASE}params_shard_0.bin`],
      ['webllm/model', `${BASE}params_shard_1.bin`],
      ['webllm/wasm', `${BASE}qwen2-q4f16_1-webgpu.wasm`],
    ]);
    expect(plan.record).toEqual({
      model: BASE,
      model_id: 'local-warm-qwen-v2',
      model_lib: `${BASE}qwen2-q4f16_1-webgpu.wasm`,
      overrides: { context_window_size: 4096 },
      required_features: ['shader-f16'],
    });
    expect(plan.ignored).toEqual(['vocab.json', 'merges.txt']);
  });

  it('gives a 32k-context checkpoint the 4096 window, its architecture and a memory estimate', () => {
    // Qwen2.5-0.5B's shape: 24 layers, 2 KV heads of 64; the conversion keeps 32768 tokens.
    const config = {
      ...CHAT_CONFIG,
      model_type: 'qwen3',
      context_window_size: 32768,
      model_config: {
        num_hidden_layers: 24,
        num_attention_heads: 14,
        num_key_value_heads: 2,
        hidden_size: 896,
      },
    };
    const shards = {
      records: [
        { dataPath: 'params_shard_0.bin', nbytes: 200 * 2 ** 20 },
        { dataPath: 'params_shard_1.bin', nbytes: 78 * 2 ** 20 },
      ],
    };
    const { record } = planLocalFolderImport('m', FILES, config, shards);
    expect(record.overrides).toEqual({ context_window_size: 4096 });
    expect(record.architecture).toBe('qwen3');
    // (278 MiB weights + 2·24·2·64·4096·2 bytes = 48 MiB KV) × 1.15 = 374.9 MiB
    expect(record.vram_required_MB).toBe(375);
  });

  it('falls back to tokenizer.model when tokenizer.json is not listed', () => {
    const files = FILES.map((f) => (f === 'tokenizer.json' ? 'tokenizer.model' : f));
    const plan = planLocalFolderImport(
      'm',
      files,
      { tokenizer_files: ['tokenizer.model'] },
      TENSOR_CACHE,
    );
    expect(plan.writes[2]?.url).toBe(
      'https://local.warmth-lab.invalid/models/m/resolve/main/tokenizer.model',
    );
    expect(plan.record.required_features).toBeUndefined();
  });

  it.each([
    [
      FILES.filter((f) => f !== 'params_shard_1.bin'),
      CHAT_CONFIG,
      TENSOR_CACHE,
      'The folder is missing params_shard_1.bin.',
    ],
    [FILES.filter((f) => !f.endsWith('.wasm')), CHAT_CONFIG, TENSOR_CACHE, 'found 0'],
    [
      [...FILES, 'other.wasm'],
      CHAT_CONFIG,
      TENSOR_CACHE,
      'found 2: qwen2-q4f16_1-webgpu.wasm, other.wasm',
    ],
    [
      FILES,
      { tokenizer_files: ['vocab.json'] },
      TENSOR_CACHE,
      'lists neither tokenizer.json nor tokenizer.model',
    ],
    [FILES, {}, TENSOR_CACHE, 'expected a "tokenizer_files" array'],
    [FILES, CHAT_CONFIG, { records: [] }, 'expected a non-empty "records" array'],
    [
      FILES,
      CHAT_CONFIG,
      { records: [{ dataPath: '../x' }] },
      'records[0].dataPath should be a file name',
    ],
  ])('rejects a bad folder (%#)', (files, chatConfig, tensorCache, message) => {
    expect(() => planLocalFolderImport('m', files, chatConfig, tensorCache)).toThrow(message);
  });

  it('slugifies names and strips the chosen folder name from relative paths', () => {
    expect(slugifyModelName('  Mój Model!! 2 ')).toBe('m-j-model-2');
    expect(() => slugifyModelName('!!!')).toThrow('has no letters or digits');
    expect(stripCommonFolder(['dir/a.json', 'dir/b.bin'])).toEqual(['a.json', 'b.bin']);
    expect(stripCommonFolder(['a.json', 'dir/b.bin'])).toEqual(['a.json', 'dir/b.bin']);
  });
});

describe('importLocalFolder', () => {
  it('writes every planned file into the named caches', async () => {
    const written: [string, string, string][] = [];
    const cacheStorage: CacheStorageLike = {
      open: async (name) => ({
        put: async (request, response) =>
          void written.push([name, request.url, await response.text()]),
      }),
    };
    const contents: Record<string, string> = {
      'mlc-chat-config.json': JSON.stringify(CHAT_CONFIG),
      'tensor-cache.json': JSON.stringify(TENSOR_CACHE),
    };
    const files = FILES.map((name) => ({
      path: `picked/${name}`,
      blob: new Blob([contents[name] ?? `bytes of ${name}`]),
    }));
    const progress: number[] = [];
    const plan = await importLocalFolder(files, {
      modelName: 'Warm Qwen v2',
      cacheStorage,
      onProgress: (n) => progress.push(n),
    });
    expect(plan.record.model_id).toBe('local-warm-qwen-v2');
    expect(written).toHaveLength(6);
    expect(written[5]).toEqual([
      'webllm/wasm',
      `${BASE}qwen2-q4f16_1-webgpu.wasm`,
      'bytes of qwen2-q4f16_1-webgpu.wasm',
    ]);
    expect(written[3]).toEqual([
      'webllm/model',
      `${BASE}params_shard_0.bin`,
      'bytes of params_shard_0.bin',
    ]);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('says how to reconvert a folder that has only the old ndarray-cache.json', async () => {
    const cacheStorage: CacheStorageLike = { open: async () => ({ put: async () => undefined }) };
    const legacy = [
      { path: 'mlc-chat-config.json', blob: new Blob([JSON.stringify(CHAT_CONFIG)]) },
      { path: 'ndarray-cache.json', blob: new Blob([JSON.stringify(TENSOR_CACHE)]) },
    ];
    await expect(importLocalFolder(legacy, { modelName: 'm', cacheStorage })).rejects.toThrow(
      'The folder has ndarray-cache.json but no tensor-cache.json: it was converted by an older ' +
        'mlc_llm, and web-llm 0.2.86 reads only tensor-cache.json. Convert it again with a current mlc_llm',
    );
  });

  it('names a missing or broken config file', async () => {
    const cacheStorage: CacheStorageLike = { open: async () => ({ put: async () => undefined }) };
    await expect(importLocalFolder([], { modelName: 'm', cacheStorage })).rejects.toThrow(
      'The folder has no mlc-chat-config.json',
    );
    const broken = [{ path: 'mlc-chat-config.json', blob: new Blob(['{oops']) }];
    await expect(importLocalFolder(broken, { modelName: 'm', cacheStorage })).rejects.toThrow(
      'mlc-chat-config.json is not valid JSON',
    );
  });
});
