/**
 * An `Engine` backed by an OpenAI-compatible chat endpoint (Ollama, vLLM, llama.cpp server,
 * LM Studio, OpenAI).
 *
 * Owns: the HTTP calls (`GET /models` on load, streaming `POST /chat/completions`), SSE parsing,
 * abort through the fetch signal, and turning HTTP failures into specific, actionable errors.
 * Invariants: `fetch` is injectable (tests use a real local server); the API key is only sent as
 * a bearer header; an abort resolves with the partial text like every other engine.
 */
import type { ChatMessage, GenerateResult, GenerationSettings } from '../core/types';
import { buildChatRequest, StreamAccumulator, toFinishReason, toUsage } from './chatWire';
import type { WireChunk } from './chatWire';
import type { Engine, LoadOptions } from './engine';
import { createAbortError, createNamedError, ENGINE_ERROR, isAbortError } from './errors';
import { readSseData } from './sse';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface OpenAiEngineOptions {
  /** e.g. "http://localhost:11434/v1" (Ollama) or "https://api.openai.com/v1". */
  baseUrl: string;
  apiKey?: string;
  fetch?: FetchLike;
  /** Used in the CORS advice; defaults to `location.origin` in a browser. */
  pageOrigin?: string;
}

export class OpenAiEngine implements Engine {
  readonly kind = 'openai' as const;
  readonly label: string;
  readonly #baseUrl: string;
  readonly #apiKey: string | undefined;
  readonly #fetch: FetchLike;
  readonly #pageOrigin: string;
  #loadedModelId: string | null = null;

  constructor(options: OpenAiEngineOptions) {
    this.#baseUrl = options.baseUrl.trim().replace(/\/+$/, '');
    this.#apiKey = options.apiKey?.trim() || undefined;
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.#pageOrigin = options.pageOrigin ?? (globalThis.location?.origin || 'this page');
    this.label = `OpenAI-compatible endpoint (${this.#baseUrl})`;
  }

  get loadedModelId(): string | null {
    return this.#loadedModelId;
  }

  /** Checks the endpoint answers and, when it lists models, that `modelId` is among them. */
  async load(modelId: string, options: LoadOptions = {}): Promise<void> {
    const startedAt = Date.now();
    const report = (fraction: number, text: string): void =>
      options.onProgress?.({ fraction, text, elapsedMs: Date.now() - startedAt });
    this.#loadedModelId = null;
    report(0, `Contacting ${this.#baseUrl}`);
    const response = await this.#request(
      '/models',
      { method: 'GET', signal: options.signal },
      modelId,
    );
    if (response.ok) {
      const available = await readModelIds(response);
      if (available !== null && !isListedModel(modelId, available))
        throw modelNotFound(modelId, available);
    } else if (response.status !== 404) {
      // 404 on /models means the server does not list models; generation will tell us more.
      throw await httpError(response, modelId);
    }
    this.#loadedModelId = modelId;
    report(1, `Endpoint ready: ${modelId}`);
  }

  async unload(): Promise<void> {
    this.#loadedModelId = null;
  }

  async generate(
    messages: ChatMessage[],
    settings: GenerationSettings,
    onToken?: (delta: string) => void,
    signal?: AbortSignal,
  ): Promise<GenerateResult> {
    const model = this.#loadedModelId;
    if (model === null)
      throw createNamedError(ENGINE_ERROR.notLoaded, 'No model is selected: load one first.');
    const startedAt = performance.now();
    const accumulator = new StreamAccumulator();
    let isAborted = false;
    try {
      const body = JSON.stringify(buildChatRequest(messages, settings, 'openai', { model }));
      const response = await this.#request(
        '/chat/completions',
        { method: 'POST', body, signal },
        model,
      );
      if (!response.ok) throw await httpError(response, model);
      for await (const chunk of readChunks(response)) {
        // Chunks already buffered when the abort fired are dropped, so the text stops promptly.
        if (signal?.aborted === true) throw createAbortError();
        const delta = accumulator.add(chunk);
        if (delta !== '') onToken?.(delta);
      }
    } catch (error) {
      if (!isAbortError(error) || signal?.aborted !== true) throw error;
      isAborted = true;
    }
    const endedAt = performance.now();
    const timing = { startedAt, firstTokenAt: accumulator.firstTokenAt, endedAt };
    return {
      text: accumulator.text,
      usage: toUsage(accumulator.usage, accumulator.deltaCount, timing),
      finishReason: isAborted ? 'abort' : toFinishReason(accumulator.finishReason),
      elapsedMs: endedAt - startedAt,
    };
  }

  async #request(
    path: string,
    init: { method: string; body?: string; signal?: AbortSignal | undefined },
    modelId: string,
  ): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json, text/event-stream' };
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.#apiKey !== undefined) headers.Authorization = `Bearer ${this.#apiKey}`;
    try {
      return await this.#fetch(`${this.#baseUrl}${path}`, {
        ...init,
        headers,
        signal: init.signal ?? null,
      });
    } catch (error) {
      if (isAbortError(error))
        throw path === '/models' ? createAbortError('Endpoint check cancelled.') : error;
      throw createNamedError(
        ENGINE_ERROR.network,
        `The endpoint ${this.#baseUrl} did not answer or blocked this page by CORS (model "${modelId}"). ` +
          `Check that it is running, and start it with CORS allowed for ${this.#pageOrigin}, ` +
          `e.g. OLLAMA_ORIGINS=${this.#pageOrigin} ollama serve. (${String(error)})`,
      );
    }
  }
}

/** Chunks from an SSE stream, or the single completion of a server that ignored `stream`. */
async function* readChunks(response: Response): AsyncGenerator<WireChunk> {
  const type = response.headers.get('content-type') ?? '';
  if (response.body === null) throw badResponse('the response had no body');
  if (type.includes('application/json')) {
    yield completionAsChunk(parseJson(await response.text(), 'response'));
    return;
  }
  for await (const payload of readSseData(response.body)) {
    const parsed = parseJson(payload, 'stream event') as WireChunk & {
      error?: { message?: string };
    };
    if (parsed.error !== undefined)
      throw badResponse(`the stream reported an error: ${parsed.error.message ?? ''}`);
    if (!Array.isArray(parsed.choices))
      throw badResponse(`a stream event had no "choices": ${payload.slice(0, 80)}`);
    yield parsed;
  }
}

function completionAsChunk(completion: unknown): WireChunk {
  const body = completion as {
    choices?: { message?: { content?: string | null }; finish_reason?: string | null }[];
    usage?: WireChunk['usage'];
  };
  const choice = body.choices?.[0];
  if (choice === undefined) throw badResponse('the completion had no "choices"');
  return {
    choices: [
      {
        delta: { content: choice.message?.content ?? '' },
        finish_reason: choice.finish_reason ?? null,
      },
    ],
    usage: body.usage ?? null,
  };
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badResponse(
      `the ${what} is not JSON (is the base URL right? it usually ends in /v1): ${text.slice(0, 80)}`,
    );
  }
}

/** Ollama lists "llama3.2:latest" and answers to "llama3.2" alike; accept both spellings. */
export function isListedModel(modelId: string, available: readonly string[]): boolean {
  if (available.includes(modelId)) return true;
  return !modelId.includes(':') && available.includes(`${modelId}:latest`);
}

async function readModelIds(response: Response): Promise<string[] | null> {
  const body = parseJson(await response.text(), '/models answer') as { data?: { id?: unknown }[] };
  if (!Array.isArray(body.data)) return null;
  return body.data.map((model) => model.id).filter((id): id is string => typeof id === 'string');
}

async function httpError(response: Response, modelId: string): Promise<Error> {
  const detail = await response.text().catch(() => '');
  const shown = extractMessage(detail);
  if (response.status === 401 || response.status === 403) {
    return createNamedError(
      ENGINE_ERROR.auth,
      `The endpoint refused the request (HTTP ${response.status}): check the API key. ${shown}`.trim(),
    );
  }
  if (response.status === 404) {
    return createNamedError(
      ENGINE_ERROR.modelNotFound,
      `HTTP 404: the endpoint has no model "${modelId}" (pull or load it first, e.g. "ollama pull ${modelId}"), ` +
        `or the base URL is wrong (it usually ends in /v1). ${shown}`.trim(),
    );
  }
  return badResponse(`HTTP ${response.status} ${response.statusText}. ${shown}`.trim());
}

function extractMessage(detail: string): string {
  try {
    const parsed = JSON.parse(detail) as {
      error?: { message?: string } | string;
      message?: string;
    };
    const message =
      typeof parsed.error === 'string' ? parsed.error : (parsed.error?.message ?? parsed.message);
    if (typeof message === 'string') return message;
  } catch {
    // Not JSON: show the start of the raw text instead.
  }
  return detail.slice(0, 200);
}

function modelNotFound(modelId: string, available: string[]): Error {
  const listed = available.slice(0, 10).join(', ') || 'none';
  return createNamedError(
    ENGINE_ERROR.modelNotFound,
    `The endpoint does not list model "${modelId}". Available: ${listed}${available.length > 10 ? ', …' : ''}.`,
  );
}

function badResponse(detail: string): Error {
  return createNamedError(
    ENGINE_ERROR.badResponse,
    `The endpoint's answer was not usable: ${detail}`,
  );
}
