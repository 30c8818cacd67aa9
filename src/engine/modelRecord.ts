/**
 * A structural copy of the parts of web-llm's `ModelRecord` this app reads or writes.
 *
 * Owns: `ModelRecordLike`, so catalog, custom-model and local-folder code can handle model
 * records without importing web-llm (which would pull ~6 MB into the app shell). Invariants:
 * every field keeps web-llm's name and meaning, so a `ModelRecordLike` can be handed to web-llm's
 * `appConfig.model_list` unchanged (checked by the worker entry's type-check).
 */

export interface ModelRecordLike {
  /** Base URL of the weights, e.g. https://huggingface.co/<org>/<repo> (web-llm adds resolve/main/). */
  model: string;
  model_id: string;
  /** URL of the compiled model library (.wasm). */
  model_lib: string;
  overrides?: {
    context_window_size?: number;
    sliding_window_size?: number;
    attention_sink_size?: number;
  };
  vram_required_MB?: number;
  low_resource_required?: boolean;
  /** Required `maxStorageBufferBindingSize`, when the model needs more than the default. */
  buffer_size_required_bytes?: number;
  required_features?: string[];
  /** web-llm's ModelType enum: 0 LLM, 1 embedding, 2 VLM. */
  model_type?: number;
  model_manifest?: string;
  /**
   * Warmth Lab's own (web-llm ignores it): custom weights name the prebuilt model whose library
   * and overrides they reuse, so behaviour such as Qwen3 thinking follows the base model.
   */
  base_model_id?: string;
  /** Warmth Lab's own: `model_type` of the weights' mlc-chat-config.json, e.g. "qwen3". */
  architecture?: string;
}

/** Normalises a model URL the way web-llm does before appending file names. */
export function normaliseModelBaseUrl(modelUrl: string): string {
  let url = modelUrl.endsWith('/') ? modelUrl : `${modelUrl}/`;
  if (!/.+\/resolve\/.+\//.test(url)) url += 'resolve/main/';
  return new URL(url).href;
}
