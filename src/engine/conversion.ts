/**
 * What web-llm 0.2.86 expects of an MLC-converted model folder, shared by the custom-weights
 * check (URLs) and the local-folder import.
 *
 * Owns: the default context window user models get, the explanation for folders converted by
 * an older mlc_llm, and a rough GPU-memory estimate for a folder. Invariants: pure.
 */

/**
 * The context window web-llm's prebuilt records set through `overrides` (their "-1k" twins use
 * 1024). A conversion keeps the checkpoint's own window (32k for Qwen2.5, 128k for Llama 3.2)
 * and web-llm would size the KV cache for it: gigabytes, and a lost device on load.
 */
export const DEFAULT_CONTEXT_WINDOW = 4096;

/** Why a folder with only `ndarray-cache.json` cannot load, and what to do. */
export function describeLegacyConversion(where: string): string {
  return (
    `${where} has ndarray-cache.json but no tensor-cache.json: it was converted by an older ` +
    'mlc_llm, and web-llm 0.2.86 reads only tensor-cache.json. Convert it again with a current ' +
    'mlc_llm (`mlc_llm convert_weight <checkpoint> --quantization <q> -o <folder>`, then ' +
    '`mlc_llm gen_config`), and upload or choose the new folder.'
  );
}

interface ModelShape {
  layers: number;
  kvHeads: number;
  headDim: number;
}

function readShape(chatConfig: unknown): ModelShape | null {
  const config = (chatConfig as { model_config?: Record<string, unknown> } | null)?.model_config;
  const num = (key: string): number | null => {
    const value = config?.[key];
    return typeof value === 'number' && value > 0 ? value : null;
  };
  const layers = num('num_hidden_layers');
  const heads = num('num_attention_heads');
  const kvHeads = num('num_key_value_heads') ?? heads;
  const hidden = num('hidden_size');
  const headDim = num('head_dim') ?? (hidden !== null && heads !== null ? hidden / heads : null);
  if (layers === null || kvHeads === null || headDim === null) return null;
  return { layers, kvHeads, headDim };
}

/**
 * GPU memory for weights plus a KV cache of `contextWindow` tokens (keys and values, 2 bytes each
 * for f16 models, 4 for f32), plus a 15% allowance for activations and buffers. A rough figure,
 * in the spirit of web-llm's `vram_required_MB`; null when the config lacks the shape fields.
 */
export function estimateFolderVramMB(
  chatConfig: unknown,
  weightBytes: number,
  contextWindow = DEFAULT_CONTEXT_WINDOW,
): number | null {
  const shape = readShape(chatConfig);
  if (shape === null || !(weightBytes > 0)) return null;
  const quantization = (chatConfig as { quantization?: unknown } | null)?.quantization;
  const bytesPerValue = typeof quantization === 'string' && /f32/.test(quantization) ? 4 : 2;
  const kvBytes = 2 * shape.layers * shape.kvHeads * shape.headDim * contextWindow * bytesPerValue;
  return Math.round(((weightBytes + kvBytes) * 1.15) / 2 ** 20);
}
