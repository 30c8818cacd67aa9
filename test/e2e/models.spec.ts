/**
 * Models view in real Chromium with a SwiftShader WebGPU adapter and the real web-llm worker:
 * the catalog comes from the installed web-llm with f16 builds disabled; a tiny MLC folder built
 * in memory is imported through the file input, web-llm's own `hasModelInCache` reports it
 * cached, and loading it reads config and library from Cache Storage with every foreign request
 * blocked, ending in a clear error about the placeholder library within a time limit.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasBrowser, launchBrowser } from './browser';
import { newPageWithoutWebGpu } from './pages';

const LOAD_ERROR_LIMIT_MS = 30_000;
const MODEL_NAME = 'Tiny Warm Qwen';
const MODEL_ID = 'local-tiny-warm-qwen';

/** A Qwen2.5-0.5B-shaped q4f32_1 config (the fields web-llm and the importer read). */
const CHAT_CONFIG = {
  version: '0.1.0',
  model_type: 'qwen2',
  quantization: 'q4f32_1',
  model_config: {
    hidden_act: 'silu',
    hidden_size: 896,
    intermediate_size: 4864,
    num_attention_heads: 14,
    num_hidden_layers: 24,
    num_key_value_heads: 2,
    rms_norm_eps: 1e-6,
    rope_theta: 1000000,
    vocab_size: 151936,
    tie_word_embeddings: true,
    context_window_size: 4096,
    prefill_chunk_size: 2048,
    head_dim: 64,
  },
  vocab_size: 151936,
  context_window_size: 4096,
  sliding_window_size: -1,
  prefill_chunk_size: 2048,
  attention_sink_size: -1,
  tensor_parallel_shards: 1,
  temperature: 0.7,
  top_p: 0.8,
  pad_token_id: 151643,
  bos_token_id: 151643,
  eos_token_id: [151645, 151643],
  tokenizer_files: ['tokenizer.json', 'vocab.json', 'merges.txt', 'tokenizer_config.json'],
  conv_template: {
    name: 'qwen2',
    system_template: '<|im_start|>system\n{system_message}<|im_end|>\n',
  },
};

function shardRecord(index: number): Record<string, unknown> {
  return {
    dataPath: `params_shard_${index}.bin`,
    format: 'raw-shard',
    nbytes: 32,
    records: [
      {
        name: `layer.${index}.weight`,
        shape: [8],
        dtype: 'float32',
        format: 'raw',
        nbytes: 32,
        byteOffset: 0,
      },
    ],
  };
}

/** Every file of the tiny folder: configs, tokenizer files, two 32-byte shards, a fake library. */
function tinyFolder(): { name: string; mimeType: string; buffer: Buffer }[] {
  const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));
  const tensorCache = {
    metadata: { ParamSize: 2, ParamBytes: 64 },
    records: [shardRecord(0), shardRecord(1)],
  };
  const files: [string, Buffer][] = [
    ['mlc-chat-config.json', json(CHAT_CONFIG)],
    ['tensor-cache.json', json(tensorCache)],
    [
      'tokenizer.json',
      json({ version: '1.0', model: { type: 'BPE', vocab: { a: 0 }, merges: [] } }),
    ],
    ['vocab.json', json({ a: 0 })],
    ['merges.txt', Buffer.from('#version: 0.2\n')],
    ['tokenizer_config.json', json({ model_max_length: 4096 })],
    ['params_shard_0.bin', Buffer.alloc(32, 1)],
    ['params_shard_1.bin', Buffer.alloc(32, 2)],
    ['Qwen2-q4f32_1-ctx4k-webgpu.wasm', Buffer.from('not a real library')],
  ];
  return files.map(([name, buffer]) => ({
    name,
    mimeType: name.endsWith('.json') ? 'application/json' : 'application/octet-stream',
    buffer,
  }));
}

describe.skipIf(!hasBrowser())('models view (WebGPU via SwiftShader, real web-llm)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const baseUrl = inject('baseUrl');
  const foreignRequests: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser({ isWebGpu: true });
    // Service workers could answer requests out of the router's sight: keep them off here.
    context = await browser.newContext({ serviceWorkers: 'block' });
    const origin = new URL(baseUrl).origin;
    await context.route('**', async (route) => {
      const url = route.request().url();
      if (new URL(url).origin === origin) return route.continue();
      foreignRequests.push(url);
      return route.abort('blockedbyclient');
    });
    page = await context.newPage();
    await page.goto(`${baseUrl}#/models`);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lists the installed web-llm catalog with f16 builds disabled on SwiftShader', async () => {
    const rows = page.getByTestId('catalog-row');
    await rows.first().waitFor({ timeout: 60_000 });
    const facts = await rows.evaluateAll((els) =>
      els.map((el) => ({
        id: el.getAttribute('data-model-id') ?? '',
        isRunnable: el.getAttribute('data-runnable') === 'true',
        reason: el.querySelector('[data-testid="runnable-reason"]')?.textContent ?? '',
      })),
    );
    expect(facts.length).toBeGreaterThan(8);
    expect(facts.every((row) => /-q4f(16|32)_1-MLC(-\dk)?$/.test(row.id))).toBe(true);
    const f16 = facts.filter((row) => row.id.includes('q4f16_1'));
    expect(f16.length).toBeGreaterThan(0);
    expect(f16.every((row) => !row.isRunnable && row.reason.includes('shader-f16'))).toBe(true);
    const qwen = facts.find((row) => row.id === 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC');
    expect(qwen).toMatchObject({ isRunnable: true, reason: 'recommended here' });
    // One rule with the device panel's "smallest models" advice: big models run, not recommended.
    const phi = facts.find((row) => row.id === 'Phi-3.5-mini-instruct-q4f32_1-MLC');
    expect(phi).toMatchObject({
      isRunnable: true,
      reason: 'runs, but very slowly on this software GPU.',
    });
    const names = await rows.evaluateAll((els) =>
      els.map((el) => el.querySelector('th')?.firstChild?.textContent ?? ''),
    );
    expect(names).toContain('Gemma 2 2B it · q4f32_1 · 1k context');
    expect(new Set(names).size).toBe(names.length);
    await page.getByTestId('storage-text').waitFor();
    expect(await page.getByTestId('storage-text').textContent()).toMatch(/used/);
  });

  it('suggests the folder name when a whole folder is chosen', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'warmth-models-'));
    const folder = path.join(dir, 'Qwen-tiny-q4f32_1-MLC');
    mkdirSync(folder);
    for (const file of tinyFolder()) writeFileSync(path.join(folder, file.name), file.buffer);
    try {
      await page.getByTestId('folder-input').setInputFiles(folder);
      expect(await page.getByTestId('folder-model-name').inputValue()).toBe(
        'Qwen-tiny-q4f32_1-MLC',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("imports the folder into web-llm's cache, where hasModelInCache finds it", async () => {
    await page.getByTestId('folder-files-input').setInputFiles(tinyFolder());
    await page.getByTestId('folder-model-name').fill(MODEL_NAME);
    await page.getByTestId('folder-import').click();
    await page.getByTestId('folder-model-id').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('folder-model-id').textContent()).toBe(MODEL_ID);
    expect(await page.getByTestId('folder-result').textContent()).toContain('vocab.json');
    const saved = page.locator(`[data-testid="saved-model"][data-model-id="${MODEL_ID}"]`);
    await saved
      .getByTestId('saved-model-cache')
      .filter({ hasText: /^cached$/ })
      .waitFor({ timeout: 30_000 });
    expect(await saved.getByTestId('saved-model-cache').textContent()).toBe('cached');
  });

  it('loads from the cache with no foreign request and reports the placeholder library clearly', async () => {
    const saved = page.locator(`[data-testid="saved-model"][data-model-id="${MODEL_ID}"]`);
    const startedAt = Date.now();
    await saved.getByTestId('saved-model-load').click();
    const error = page.getByTestId('models-load-error');
    await error.waitFor({ timeout: LOAD_ERROR_LIMIT_MS });
    expect(Date.now() - startedAt).toBeLessThan(LOAD_ERROR_LIMIT_MS);
    const text = (await error.textContent()) ?? '';
    expect(text).toContain(`The model library (.wasm) of ${MODEL_ID} could not be instantiated`);
    expect(text).toMatch(/WebAssembly/);
    expect(foreignRequests).toEqual([]);
  });

  it('saves endpoints with inline errors and explains a failed connection test', async () => {
    await page.getByTestId('endpoint-name').fill('local');
    await page.getByTestId('endpoint-url').fill('https://example.org/v1');
    expect(await page.getByTestId('endpoint-policy').textContent()).toContain(
      'Content-Security-Policy',
    );
    await page.getByTestId('endpoint-save').click();
    expect(await page.locator('#endpoint-model-error').textContent()).toContain('Model:');
    await page.getByTestId('endpoint-url').fill('http://localhost:9/v1');
    await page.getByTestId('endpoint-model').fill('tiny');
    await page.getByTestId('endpoint-key').fill('sk-local-only');
    await page.getByTestId('endpoint-save').click();
    await page.getByTestId('endpoint-test').click();
    const result = page.getByTestId('endpoint-test-result');
    await result.waitFor({ timeout: 15_000 });
    expect(await result.textContent()).toMatch(/NetworkError: .*CORS/s);
  });

  it('shows custom-weights validation errors next to their field', async () => {
    await page.getByTestId('custom-base').selectOption('Qwen2.5-0.5B-Instruct-q4f32_1-MLC');
    await page.getByTestId('custom-id').fill('bad id!');
    await page.getByTestId('custom-url').fill('https://huggingface.co/me/warm');
    await page.getByTestId('custom-model-form').getByRole('button').click();
    const idError = page.locator('#custom-id-error');
    await idError.filter({ hasText: 'Model id' }).waitFor();
    expect(await idError.textContent()).toContain('Model id "bad id!": use 1–128 letters');
    await page.getByTestId('custom-id').fill('my-warm-qwen');
    await page.getByTestId('custom-url').fill('http://huggingface.co/me/warm');
    await page.getByTestId('custom-model-form').getByRole('button').click();
    const urlError = page.locator('#custom-url-error');
    await urlError.filter({ hasText: 'https' }).waitFor();
    expect(await urlError.textContent()).toBe('Weights URL must use https (got http:).');
    expect(await idError.textContent()).toBe('');
    await page.getByTestId('custom-url').fill('https://models.example.org/warm/');
    await page.getByTestId('custom-model-form').getByRole('button').click();
    await urlError.filter({ hasText: 'Content-Security-Policy' }).waitFor();
    expect(await urlError.textContent()).toContain('so the download would be blocked');
  });

  it('keeps saved models and endpoints after a reload', async () => {
    await page.reload();
    const saved = page.locator(`[data-testid="saved-model"][data-model-id="${MODEL_ID}"]`);
    await saved
      .getByTestId('saved-model-cache')
      .filter({ hasText: /^cached$/ })
      .waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('saved-endpoint').textContent()).toContain('endpoint:local');
  });
});

describe.skipIf(!hasBrowser())('models view layout and the Load model button (issue 15)', () => {
  let browser: Browser;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await launchBrowser({ isWebGpu: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    [1280, 800, 1],
    [390, 844, 1],
    [640, 400, 2],
  ])('fits %ix%i (scale %i) with no sideways scroll', async (width, height, scale) => {
    const context = await browser.newContext({
      viewport: { width, height },
      deviceScaleFactor: scale,
      serviceWorkers: 'block',
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl}#/models`);
    await page.getByTestId('catalog-row').first().waitFor({ timeout: 60_000 });
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      inner: window.innerWidth,
    }));
    await context.close();
    expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
  });

  it('keeps focus on "Load model" after Enter, and the picker and its advice fit at 390 px', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}?engine=scripted#/playground`);
    const picker = page.getByTestId('model-picker');
    await picker.waitFor({ timeout: 60_000 });
    const optionTexts = await picker.locator('option').allTextContents();
    expect(optionTexts.every((text) => !text.includes('—') && text.length < 60)).toBe(true);
    expect(await page.getByTestId('model-advice').textContent()).toContain('recommended here');
    // The picker never forces its column wide: squeezed to 200 px, it follows.
    const squeezed = await page.evaluate(() => {
      const select = document.querySelector('[data-testid="model-picker"]');
      const panel = select?.closest('section');
      if (!(panel instanceof HTMLElement) || select === null) return -1;
      const width = panel.style.width;
      panel.style.width = '200px';
      const right = select.getBoundingClientRect().right - panel.getBoundingClientRect().right;
      panel.style.width = width;
      return right;
    });
    expect(squeezed).toBeLessThanOrEqual(0);
    await page.getByTestId('load-model').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('model-ready').waitFor({ timeout: 30_000 });
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    await context.close();
    expect(focused).toBe('load-model');
  });
});

describe.skipIf(!hasBrowser())('models view without WebGPU', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser({ isWebGpu: false });
    page = await newPageWithoutWebGpu(browser);
    await page.goto(`${inject('baseUrl')}#/models`);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('still lists the catalog, every row disabled, and explains why', async () => {
    await page.getByTestId('catalog-no-webgpu').waitFor({ timeout: 45_000 });
    const rows = page.getByTestId('catalog-row');
    await rows.first().waitFor({ timeout: 60_000 });
    const runnable = await rows.evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-runnable')),
    );
    expect(runnable.length).toBeGreaterThan(8);
    expect(new Set(runnable)).toEqual(new Set(['false']));
    expect(await rows.first().getByTestId('runnable-reason').textContent()).toBe(
      'WebGPU is not usable in this browser.',
    );
  });
});
