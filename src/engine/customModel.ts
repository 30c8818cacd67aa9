/**
 * Validation of a user-supplied custom model (MLC-converted weights hosted over https) that
 * reuses the compiled library of a prebuilt model with the same architecture and quantization.
 *
 * Owns: URL shape checks, fetching both `mlc-chat-config.json` files and comparing them, and
 * building the `ModelRecordLike` to register with the engine (`WorkerEngine.setCustomModels`).
 * Invariants: every rejection is an `InvalidModelError` whose message says which field is wrong
 * and what was expected; nothing is registered or downloaded beyond the two small configs.
 */
import type { CatalogEntry } from './catalog';
import { DEFAULT_CONTEXT_WINDOW, describeLegacyConversion } from './conversion';
import { MODEL_HOSTS } from '../build/csp';
import { largestTensorBytes } from './downloadSize';
import { isHostAllowedByPolicy } from './endpoints';
import { createNamedError, ENGINE_ERROR } from './errors';
import type { ModelRecordLike } from './modelRecord';
import { normaliseModelBaseUrl } from './modelRecord';

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface CustomModelInput {
  /** The id the app will use, e.g. "my-warm-qwen-q4f16_1". */
  modelId: string;
  /**
   * https://huggingface.co/<org>/<repo>[/resolve/<rev>/], or an https folder ending in "/" on a
   * host the app's Content-Security-Policy allows (MODEL_HOSTS); others are refused up front.
   */
  weightsUrl: string;
  /** The prebuilt model whose library (.wasm) the weights were converted for. */
  base: Pick<
    CatalogEntry,
    | 'id'
    | 'modelUrl'
    | 'modelLibUrl'
    | 'quantization'
    | 'needsShaderF16'
    | 'vramRequiredMB'
    | 'isLowResource'
    | 'contextWindowSize'
    | 'bufferSizeRequiredBytes'
  >;
  /** Existing ids (prebuilt and custom) the new id must not collide with. */
  takenIds?: readonly string[];
}

const HF_REPO = /^https:\/\/huggingface\.co\/[^/]+\/[^/]+\/?$/;
const HF_RESOLVE = /^https:\/\/huggingface\.co\/[^/]+\/[^/]+\/resolve\/[^/]+\/$/;
const MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
/** model_config fields that must agree for a compiled library to fit the weights. */
const SHAPE_FIELDS = [
  'hidden_size',
  'num_hidden_layers',
  'intermediate_size',
  'num_attention_heads',
  'num_key_value_heads',
];

function invalid(message: string): Error {
  return createNamedError(ENGINE_ERROR.invalidModel, message);
}

/** Checks the id's characters and uniqueness. */
export function validateCustomModelId(modelId: string, takenIds: readonly string[] = []): string {
  const id = modelId.trim();
  if (!MODEL_ID.test(id)) {
    throw invalid(
      `Model id "${modelId}": use 1–128 letters, digits, ".", "_" or "-", starting with a letter or digit.`,
    );
  }
  if (takenIds.includes(id)) throw invalid(`Model id "${id}" is already used; choose another.`);
  return id;
}

/** Checks the weights URL and returns the base web-llm will append file names to. */
export function validateWeightsUrl(weightsUrl: string): string {
  const url = weightsUrl.trim();
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid(
      `Weights URL "${url}" is not a URL; expected https://huggingface.co/<org>/<repo>.`,
    );
  }
  if (parsed.protocol !== 'https:')
    throw invalid(`Weights URL must use https (got ${parsed.protocol}).`);
  if (parsed.search !== '' || parsed.hash !== '')
    throw invalid('Weights URL must not contain "?" or "#" parts.');
  if (parsed.hostname === 'huggingface.co') {
    if (HF_REPO.test(url) || HF_RESOLVE.test(url)) return normaliseModelBaseUrl(url);
    throw invalid(
      `Hugging Face URL "${url}" should look like https://huggingface.co/<org>/<repo> or ` +
        'https://huggingface.co/<org>/<repo>/resolve/<revision>/.',
    );
  }
  if (!url.endsWith('/'))
    throw invalid(`Weights URL "${url}" must end with "/" (it is a folder of files).`);
  if (!isHostAllowedByPolicy(url, MODEL_HOSTS)) {
    throw invalid(
      `Weights URL "${url}": this app's Content-Security-Policy lets the model worker download ` +
        `only from ${MODEL_HOSTS.join(', ')}, so the download would be blocked. Upload the ` +
        'converted folder to Hugging Face, import it from disk as a local folder, or host your ' +
        'own copy of Warmth Lab with this host added (docs/bring-your-own-model.md).',
    );
  }
  return normaliseModelBaseUrl(url);
}

/**
 * Validates a custom model against its chosen base library and returns the record to register.
 * Fetches `<weights>/mlc-chat-config.json` and the base model's, and requires equal `model_type`,
 * `quantization` and (when both declare them) vocabulary and layer shapes.
 */
export async function createCustomModelRecord(
  input: CustomModelInput,
  fetchFn: FetchLike = (url, init) => fetch(url, init),
): Promise<ModelRecordLike> {
  const modelId = validateCustomModelId(input.modelId, input.takenIds);
  const weightsBase = validateWeightsUrl(input.weightsUrl);
  const [custom, base] = await Promise.all([
    fetchChatConfig(`${weightsBase}mlc-chat-config.json`, fetchFn),
    fetchChatConfig(`${normaliseModelBaseUrl(input.base.modelUrl)}mlc-chat-config.json`, fetchFn),
  ]);
  compareConfigs(custom, base, input.base.id);
  const largestTensor = largestTensorBytes(await fetchTensorCache(weightsBase, fetchFn));
  // The worker re-resolves library and overrides from `base_model_id` at every load; the copies
  // here make the stored record complete on its own (memory estimate, older readers).
  const record: ModelRecordLike = {
    model: weightsBase,
    model_id: modelId,
    model_lib: input.base.modelLibUrl,
    base_model_id: input.base.id,
    overrides: { context_window_size: input.base.contextWindowSize ?? DEFAULT_CONTEXT_WINDOW },
  };
  if (typeof custom.model_type === 'string') record.architecture = custom.model_type;
  if (input.base.vramRequiredMB !== null) record.vram_required_MB = input.base.vramRequiredMB;
  record.low_resource_required = input.base.isLowResource;
  if (input.base.needsShaderF16) record.required_features = ['shader-f16'];
  const buffer = Math.max(input.base.bufferSizeRequiredBytes ?? 0, largestTensor);
  if (buffer > 0) record.buffer_size_required_bytes = buffer;
  return record;
}

type ChatConfigJson = Record<string, unknown> & { model_config?: Record<string, unknown> };

/**
 * web-llm 0.2.86 reads `tensor-cache.json` (older mlc_llm conversions wrote `ndarray-cache.json`,
 * which it never requests): without it the load would fail after the download started.
 */
async function fetchTensorCache(weightsBase: string, fetchFn: FetchLike): Promise<unknown> {
  const url = `${weightsBase}tensor-cache.json`;
  const response = await fetchFn(url).catch(() => null);
  if (response?.ok === true) return (await response.json().catch(() => null)) as unknown;
  const legacy = await fetchFn(`${weightsBase}ndarray-cache.json`, { method: 'HEAD' }).catch(
    () => null,
  );
  throw invalid(
    legacy?.ok === true
      ? describeLegacyConversion(weightsBase)
      : `${url} was not found (HTTP ${response?.status ?? 'error'}); web-llm 0.2.86 needs it to load the weights.`,
  );
}

async function fetchChatConfig(url: string, fetchFn: FetchLike): Promise<ChatConfigJson> {
  let response: Response;
  try {
    response = await fetchFn(url);
  } catch (error) {
    throw invalid(
      `Could not fetch ${url} (${String(error)}); check the URL and that the host allows CORS.`,
    );
  }
  if (!response.ok)
    throw invalid(
      `${url} answered HTTP ${response.status}; is this an MLC-converted model folder?`,
    );
  try {
    const parsed = (await response.json()) as unknown;
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      return parsed as ChatConfigJson;
  } catch {
    // fall through to the shared error below
  }
  throw invalid(`${url} is not a JSON object; expected an mlc-chat-config.json.`);
}

/** Throws naming the first field where the custom weights disagree with the base library. */
export function compareConfigs(custom: ChatConfigJson, base: ChatConfigJson, baseId: string): void {
  for (const field of ['model_type', 'quantization'] as const) {
    if (custom[field] === undefined)
      throw invalid(`The custom mlc-chat-config.json has no "${field}".`);
    if (custom[field] !== base[field]) {
      throw invalid(
        `${field} is "${String(custom[field])}" but the library of ${baseId} expects "${String(base[field])}"; ` +
          'choose a base model with the same architecture and quantization.',
      );
    }
  }
  const pairs: [string, unknown, unknown][] = [['vocab_size', custom.vocab_size, base.vocab_size]];
  for (const field of SHAPE_FIELDS)
    pairs.push([`model_config.${field}`, custom.model_config?.[field], base.model_config?.[field]]);
  for (const [field, mine, theirs] of pairs) {
    if (mine !== undefined && theirs !== undefined && mine !== theirs) {
      throw invalid(
        `${field} is ${String(mine)} but ${baseId} has ${String(theirs)}: the library will not fit these weights.`,
      );
    }
  }
}
