/**
 * The OpenAI-style chat wire format shared by web-llm and OpenAI-compatible endpoints.
 *
 * Owns: building a streaming request from core `GenerationSettings` (per dialect), folding
 * streamed chunks into text/finish reason/usage, and converting usage to core `Usage`.
 * Invariants: no web-llm import (the shapes are restated structurally); usage numbers are finite
 * (unknown rates are omitted, never NaN); the accumulated text equals the concatenated deltas.
 */
import type { ChatMessage, GenerateResult, GenerationSettings, Usage } from '../core/types';
import { createNamedError } from './errors';
import type { ModelRecordLike } from './modelRecord';

export type WireDialect = 'webllm' | 'openai';

export type WireResponseFormat =
  /** web-llm: the schema travels as a JSON string under `json_object`. */
  | { type: 'json_object'; schema: string }
  /** OpenAI structured outputs (also Ollama, vLLM, llama.cpp server). */
  | { type: 'json_schema'; json_schema: { name: string; schema: unknown; strict: boolean } };

export interface WireChatRequest {
  model?: string;
  messages: ChatMessage[];
  stream: true;
  stream_options: { include_usage: true };
  temperature: number;
  max_tokens: number;
  seed?: number;
  top_p?: number;
  logprobs?: boolean;
  top_logprobs?: number;
  response_format?: WireResponseFormat;
  extra_body?: { enable_thinking?: boolean };
}

export interface WireUsage {
  prompt_tokens: number;
  completion_tokens: number;
  extra?: { prefill_tokens_per_s?: number; decode_tokens_per_s?: number };
}

/** One sampled token's log-probability (web-llm sends the last token's with each chunk). */
export interface WireTokenLogprob {
  logprob: number;
}

export interface WireChunk {
  choices: {
    delta?: { content?: string | null };
    finish_reason?: string | null;
    logprobs?: { content?: WireTokenLogprob[] | null } | null;
  }[];
  usage?: WireUsage | null;
}

/** Qwen3 models think aloud by default; the study measures direct answers, so thinking is off. */
const THINKING_BASE = /^Qwen3-/;
/** `model_type` of the Qwen3 architecture in mlc-chat-config.json. */
const THINKING_ARCHITECTURE = 'qwen3';

/**
 * Whether a model thinks aloud unless told not to: decided from the model its record reuses
 * (custom weights: `base_model_id`; local folders: the converted `architecture`), so a Qwen3
 * fine-tune under any id behaves like its base arm.
 */
export function usesThinking(modelId: string, record?: ModelRecordLike): boolean {
  if (record?.architecture !== undefined) return record.architecture === THINKING_ARCHITECTURE;
  return THINKING_BASE.test(record?.base_model_id ?? modelId);
}

/**
 * web-llm samples from softmax(logits / max(temperature, 1e-6)): at temperature 0 every chosen
 * token has probability 1, so log-probabilities would say nothing and cost a CPU copy of the
 * probability row per token. They are asked for only when sampling is real.
 */
const MIN_LOGPROB_TEMPERATURE = 0.01;

export interface ChatRequestOptions {
  /** The id sent as `model`. */
  model?: string;
  /** Turn thinking off (web-llm's Qwen3 chat template honours `enable_thinking`). */
  isThinkingOff?: boolean;
}

/** Builds the streaming request for `dialect`; throws a named error for an unparseable schema. */
export function buildChatRequest(
  messages: ChatMessage[],
  settings: GenerationSettings,
  dialect: WireDialect,
  options: ChatRequestOptions = {},
): WireChatRequest {
  const { model } = options;
  const request: WireChatRequest = {
    messages: messages.map((message) => ({ role: message.role, content: message.content })),
    stream: true,
    stream_options: { include_usage: true },
    temperature: settings.temperature,
    max_tokens: settings.maxTokens,
  };
  if (model !== undefined) request.model = model;
  if (settings.seed !== undefined) request.seed = settings.seed;
  if (settings.topP !== undefined) request.top_p = settings.topP;
  const isSampling = settings.temperature >= MIN_LOGPROB_TEMPERATURE;
  if (settings.topLogprobs !== undefined && settings.topLogprobs > 0 && isSampling) {
    request.logprobs = true;
    request.top_logprobs = settings.topLogprobs;
  }
  if (settings.jsonSchema !== undefined)
    request.response_format = toResponseFormat(settings.jsonSchema, dialect);
  if (dialect === 'webllm' && options.isThinkingOff === true) {
    request.extra_body = { enable_thinking: false };
  }
  return request;
}

function toResponseFormat(jsonSchema: string, dialect: WireDialect): WireResponseFormat {
  let schema: unknown;
  try {
    schema = JSON.parse(jsonSchema);
  } catch (error) {
    throw createNamedError(
      'InvalidSettingsError',
      `settings.jsonSchema is not valid JSON: ${String(error)}`,
    );
  }
  if (dialect === 'webllm') return { type: 'json_object', schema: jsonSchema };
  return { type: 'json_schema', json_schema: { name: 'response', schema, strict: true } };
}

/** Maps a wire finish reason onto the core's; unknown or missing reasons count as 'stop'. */
export function toFinishReason(raw: string | null | undefined): GenerateResult['finishReason'] {
  if (raw === 'length' || raw === 'abort') return raw;
  return 'stop';
}

/** Folds a stream of chunks; `add` returns the text delta of one chunk ('' when none). */
export class StreamAccumulator {
  text = '';
  deltaCount = 0;
  finishReason: string | null = null;
  usage: WireUsage | null = null;
  firstTokenAt: number | null = null;
  /** Sum of the chosen tokens' log-probabilities, and how many were reported. */
  logprobSum = 0;
  logprobCount = 0;
  readonly #now: () => number;

  constructor(now: () => number = () => performance.now()) {
    this.#now = now;
  }

  add(chunk: WireChunk): string {
    if (chunk.usage) this.usage = chunk.usage;
    const choice = chunk.choices[0];
    if (choice === undefined) return '';
    if (choice.finish_reason) this.finishReason = choice.finish_reason;
    for (const token of choice.logprobs?.content ?? []) {
      if (!Number.isFinite(token.logprob)) continue;
      this.logprobSum += token.logprob;
      this.logprobCount += 1;
    }
    const delta = choice.delta?.content ?? '';
    if (delta !== '') {
      this.firstTokenAt ??= this.#now();
      this.text += delta;
      this.deltaCount += 1;
    }
    return delta;
  }
}

/**
 * The probability of the whole answer as sampled: exp of the summed chosen-token
 * log-probabilities (at the request's temperature). Empty when none were reported.
 */
export function answerProbabilityOf(accumulator: StreamAccumulator): {
  answerProbability?: number;
} {
  if (accumulator.logprobCount === 0) return {};
  const probability = Math.exp(accumulator.logprobSum);
  return Number.isFinite(probability) ? { answerProbability: probability } : {};
}

export interface StreamTiming {
  startedAt: number;
  firstTokenAt: number | null;
  endedAt: number;
}

/**
 * Core usage from wire usage. Rates come from web-llm's `usage.extra` when present, otherwise
 * they are measured from wall-clock timing (time to first token ≈ prefill).
 */
export function toUsage(wire: WireUsage | null, deltaCount: number, timing: StreamTiming): Usage {
  const usage: Usage = {
    promptTokens: finiteOr(wire?.prompt_tokens, 0),
    completionTokens: finiteOr(wire?.completion_tokens, deltaCount),
  };
  const prefill = wire?.extra?.prefill_tokens_per_s ?? measurePrefill(usage.promptTokens, timing);
  const decode = wire?.extra?.decode_tokens_per_s ?? measureDecode(usage.completionTokens, timing);
  if (isPositiveFinite(prefill)) usage.prefillTokensPerSecond = prefill;
  if (isPositiveFinite(decode)) usage.decodeTokensPerSecond = decode;
  return usage;
}

function measurePrefill(promptTokens: number, timing: StreamTiming): number | undefined {
  if (timing.firstTokenAt === null) return undefined;
  return promptTokens / ((timing.firstTokenAt - timing.startedAt) / 1000);
}

function measureDecode(completionTokens: number, timing: StreamTiming): number | undefined {
  if (timing.firstTokenAt === null || completionTokens < 2) return undefined;
  return (completionTokens - 1) / ((timing.endedAt - timing.firstTokenAt) / 1000);
}

function finiteOr(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function isPositiveFinite(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/** The result of a generation cancelled with `text` streamed so far (no usage measured). */
export function abortedResult(text: string): GenerateResult {
  return {
    text,
    usage: { promptTokens: 0, completionTokens: 0 },
    finishReason: 'abort',
    elapsedMs: 0,
  };
}
