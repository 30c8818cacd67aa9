/**
 * Import of an MLC-converted model folder from disk into the browser cache, so web-llm loads it
 * as if it had downloaded it.
 *
 * Owns: the exact Cache Storage keys web-llm 0.2.86 requests (read from its cache_util and
 * tvmjs artifact cache, default "cache" backend): cache "webllm/config" holds
 * `<base>mlc-chat-config.json`; cache "webllm/model" holds `<base>tensor-cache.json`, every
 * `<base><records[].dataPath>` shard and `<base>tokenizer.json` (or `tokenizer.model`); cache
 * "webllm/wasm" holds the library under its exact `model_lib` URL. `<base>` is a synthetic https
 * URL on the reserved `.invalid` domain (never fetched: every key is in cache before load).
 * Invariants: `planLocalFolderImport` is pure; it fails with an `InvalidModelError` naming each
 * missing or unexpected file; the returned record is what `WorkerEngine.setCustomModels` needs.
 */
import {
  DEFAULT_CONTEXT_WINDOW,
  describeLegacyConversion,
  estimateFolderVramMB,
} from './conversion';
import { largestTensorBytes } from './downloadSize';
import { createNamedError, ENGINE_ERROR } from './errors';
import type { ModelRecordLike } from './modelRecord';

export const LOCAL_MODEL_HOST = 'https://local.warmth-lab.invalid';

export type WebLlmCacheName = 'webllm/config' | 'webllm/model' | 'webllm/wasm';

export interface CacheWrite {
  cacheName: WebLlmCacheName;
  url: string;
  /** Path of the source file inside the folder. */
  path: string;
}

export interface LocalFolderPlan {
  record: ModelRecordLike;
  writes: CacheWrite[];
  /** Files present in the folder that web-llm will not read (reported, not an error). */
  ignored: string[];
}

export interface LocalFile {
  /** Path relative to the chosen folder (a leading top-level folder name is stripped). */
  path: string;
  blob: Blob;
}

function invalid(message: string): Error {
  return createNamedError(ENGINE_ERROR.invalidModel, message);
}

/** Lower-case slug for URLs and ids: "My Model v2" → "my-model-v2". */
export function slugifyModelName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug === '')
    throw invalid(`Model name "${name}" has no letters or digits to build an id from.`);
  return slug.slice(0, 80);
}

/** The synthetic base URL web-llm will treat as the model's weights location. */
export function localModelBaseUrl(slug: string): string {
  return `${LOCAL_MODEL_HOST}/models/${slug}/resolve/main/`;
}

/**
 * Computes every cache write and the model record for a folder. `chatConfig` and `tensorCache`
 * are the parsed `mlc-chat-config.json` and `tensor-cache.json` of that folder.
 */
export function planLocalFolderImport(
  modelName: string,
  paths: readonly string[],
  chatConfig: unknown,
  tensorCache: unknown,
): LocalFolderPlan {
  const slug = slugifyModelName(modelName);
  const base = localModelBaseUrl(slug);
  const present = new Set(paths);
  const wasm = findLibrary(paths);
  const tokenizer = pickTokenizer(chatConfig, present);
  const shards = listShards(tensorCache);
  const missing = [...shards, tokenizer].filter((path) => !present.has(path));
  if (missing.length > 0) throw invalid(`The folder is missing ${missing.join(', ')}.`);
  const model = (path: string): CacheWrite => ({
    cacheName: 'webllm/model',
    url: base + path,
    path,
  });
  const writes: CacheWrite[] = [
    {
      cacheName: 'webllm/config',
      url: `${base}mlc-chat-config.json`,
      path: 'mlc-chat-config.json',
    },
    model('tensor-cache.json'),
    model(tokenizer),
    ...shards.map(model),
    { cacheName: 'webllm/wasm', url: base + wasm, path: wasm },
  ];
  const used = new Set(writes.map((write) => write.path));
  return {
    record: buildRecord(
      slug,
      base,
      base + wasm,
      chatConfig,
      sumShardBytes(tensorCache),
      largestTensorBytes(tensorCache),
    ),
    writes,
    ignored: paths.filter((path) => !used.has(path)),
  };
}

function findLibrary(paths: readonly string[]): string {
  const libraries = paths.filter((path) => path.endsWith('.wasm'));
  if (libraries.length !== 1) {
    throw invalid(
      `Expected exactly one compiled model library (.wasm) in the folder, found ${libraries.length}` +
        (libraries.length > 1 ? `: ${libraries.join(', ')}` : '') +
        '.',
    );
  }
  return libraries[0] ?? '';
}

/** web-llm reads tokenizer.json when listed, else tokenizer.model (other tokenizer files are unused). */
function pickTokenizer(chatConfig: unknown, present: Set<string>): string {
  const listed = (chatConfig as { tokenizer_files?: unknown } | null)?.tokenizer_files;
  if (!Array.isArray(listed))
    throw invalid('mlc-chat-config.json: expected a "tokenizer_files" array.');
  if (listed.includes('tokenizer.json')) return 'tokenizer.json';
  if (listed.includes('tokenizer.model')) return 'tokenizer.model';
  const found = [...present].filter((path) => path.startsWith('tokenizer')).join(', ') || 'none';
  throw invalid(
    `mlc-chat-config.json lists neither tokenizer.json nor tokenizer.model (folder has: ${found}).`,
  );
}

function listShards(tensorCache: unknown): string[] {
  const records = (tensorCache as { records?: unknown } | null)?.records;
  if (!Array.isArray(records) || records.length === 0) {
    throw invalid('tensor-cache.json: expected a non-empty "records" array.');
  }
  return records.map((record: unknown, index) => {
    const dataPath = (record as { dataPath?: unknown } | null)?.dataPath;
    if (typeof dataPath !== 'string' || dataPath === '' || dataPath.includes('..')) {
      throw invalid(
        `tensor-cache.json: records[${index}].dataPath should be a file name like params_shard_0.bin.`,
      );
    }
    return dataPath;
  });
}

/** Shard sizes as tensor-cache.json declares them (`records[].nbytes`); 0 when absent. */
function sumShardBytes(tensorCache: unknown): number {
  const records = (tensorCache as { records?: { nbytes?: unknown }[] } | null)?.records ?? [];
  return records.reduce((sum, r) => sum + (typeof r.nbytes === 'number' ? r.nbytes : 0), 0);
}

/**
 * The record: the prebuilt records' 4096-token context window (not the checkpoint's own, which
 * can be 32k–128k), the architecture (so Qwen3 thinking is switched off like its base), a
 * memory estimate for that window and the largest tensor as the buffer size it needs.
 */
function buildRecord(
  slug: string,
  base: string,
  libraryUrl: string,
  chatConfig: unknown,
  weightBytes: number,
  largestTensor: number,
): ModelRecordLike {
  const { quantization, model_type: architecture } = (chatConfig ?? {}) as {
    quantization?: unknown;
    model_type?: unknown;
  };
  const record: ModelRecordLike = {
    model: base,
    model_id: `local-${slug}`,
    model_lib: libraryUrl,
    overrides: { context_window_size: DEFAULT_CONTEXT_WINDOW },
  };
  if (typeof architecture === 'string') record.architecture = architecture;
  const vram = estimateFolderVramMB(chatConfig, weightBytes);
  if (vram !== null) record.vram_required_MB = vram;
  if (largestTensor > 0) record.buffer_size_required_bytes = largestTensor;
  if (typeof quantization === 'string' && /f16/.test(quantization))
    record.required_features = ['shader-f16'];
  return record;
}

/** Strips the chosen folder's own name from `webkitRelativePath`-style paths when all share it. */
export function stripCommonFolder(paths: readonly string[]): string[] {
  const first = paths[0]?.split('/')[0];
  const isShared = first !== undefined && paths.every((path) => path.startsWith(`${first}/`));
  return isShared ? paths.map((path) => path.slice(first.length + 1)) : [...paths];
}

/** The slice of `CacheStorage` used (injectable for tests). */
export interface CacheStorageLike {
  open(cacheName: string): Promise<{ put(request: Request, response: Response): Promise<void> }>;
}

/**
 * Writes a chosen folder into Cache Storage and returns the record to register. Call from the
 * page (e.g. files of `<input type="file" webkitdirectory>`, paths from `webkitRelativePath`).
 */
export async function importLocalFolder(
  files: readonly LocalFile[],
  options: {
    modelName: string;
    cacheStorage?: CacheStorageLike;
    onProgress?: (written: number, total: number) => void;
  },
): Promise<LocalFolderPlan> {
  const paths = stripCommonFolder(files.map((file) => file.path));
  const byPath = new Map(paths.map((path, index) => [path, files[index]?.blob]));
  const chatConfig = await readJson(byPath, 'mlc-chat-config.json');
  const tensorCache = await readJson(byPath, 'tensor-cache.json');
  const plan = planLocalFolderImport(options.modelName, paths, chatConfig, tensorCache);
  const storage = options.cacheStorage ?? caches;
  for (const [index, write] of plan.writes.entries()) {
    const blob = byPath.get(write.path);
    if (blob === undefined) throw invalid(`The folder is missing ${write.path}.`);
    const cache = await storage.open(write.cacheName);
    await cache.put(new Request(write.url), new Response(blob));
    options.onProgress?.(index + 1, plan.writes.length);
  }
  return plan;
}

async function readJson(byPath: Map<string, Blob | undefined>, name: string): Promise<unknown> {
  const blob = byPath.get(name);
  if (blob === undefined && name === 'tensor-cache.json' && byPath.has('ndarray-cache.json'))
    throw invalid(describeLegacyConversion('The folder'));
  if (blob === undefined)
    throw invalid(
      `The folder has no ${name}; choose the folder produced by mlc_llm convert_weight.`,
    );
  try {
    return JSON.parse(await blob.text()) as unknown;
  } catch (error) {
    throw invalid(`${name} is not valid JSON (${String(error)}).`);
  }
}
