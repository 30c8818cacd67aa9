/**
 * A stub of web-llm at the module boundary (`WebLlmBinding`): it reports load progress in
 * web-llm's own text formats, streams words as chat chunks with usage, honours
 * `interruptGenerate`, and mimics web-llm's quiet return from a reload aborted by `unload`.
 */
import type { WireChatRequest, WireChunk } from '../../../src/engine/chatWire';
import { createNamedError } from '../../../src/engine/errors';
import type { ModelRecordLike } from '../../../src/engine/modelRecord';
import type { RawInitProgress } from '../../../src/engine/progress';
import type { WebLlmBinding, WebLlmEngineLike } from '../../../src/engine/workerHandler';
import { splitIntoPieces } from '../../../src/engine/scriptedEngine';

export interface FakeWebLlmOptions {
  models: string[];
  tokenDelayMs?: number;
  /** Reply text for a request (default: echo of the last user message). */
  reply?: (request: WireChatRequest) => string;
  /** Throw this instead of streaming. */
  failWith?: (request: WireChatRequest) => Error | null;
  /** 'normal' finishes; 'hang-until-unload' waits for unload(); 'ignore-unload' never finishes. */
  reloadMode?: 'normal' | 'hang-until-unload' | 'ignore-unload';
  /** 'hang-after-first' streams one piece, then blocks forever (a GPU call that never returns). */
  streamMode?: 'normal' | 'hang-after-first';
  /** Log-probability of every sampled token when the request asks for logprobs. */
  tokenLogprob?: number;
}

/** web-llm 0.2.86's ModelNotLoadedError text for a chat request (lib/index.js). */
export const WEBLLM_MODEL_NOT_LOADED =
  'Model not loaded before trying to complete ChatCompletionRequest. Please ensure you have called ' +
  'MLCEngine.reload(model) to load the model before initiating APIs, or initialize your engine ' +
  'using CreateMLCEngine() with a valid model configuration.';

export interface FakeWebLlmLog {
  requests: WireChatRequest[];
  reloads: string[];
  unloads: number;
  interrupts: number;
  modelLists: ModelRecordLike[][];
  deletes: { modelId: string; isLibraryKept: boolean }[];
  /** Simulates a lost GPU device: web-llm logs it and unloads itself (device.lost handler). */
  loseDevice: () => void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function record(id: string): ModelRecordLike {
  return {
    model: `https://huggingface.co/fake/${id}`,
    model_id: id,
    model_lib: `https://libs.invalid/${id}.wasm`,
  };
}

export function createFakeWebLlm(options: FakeWebLlmOptions): {
  binding: WebLlmBinding;
  log: FakeWebLlmLog;
} {
  const log: FakeWebLlmLog = {
    requests: [],
    reloads: [],
    unloads: 0,
    interrupts: 0,
    modelLists: [],
    deletes: [],
    loseDevice: () => undefined,
  };
  const binding: WebLlmBinding = {
    modelVersion: 'fake-0',
    prebuiltModels: options.models.map(record),
    createEngine: (onProgress) => createFakeEngine(options, log, onProgress),
    hasModelInCache: async (modelId, modelList) => {
      if (!modelList.some((r) => r.model_id === modelId))
        throw createNamedError('ModelNotFoundError', modelId);
      return modelId.endsWith('-cached');
    },
    deleteModelFromCache: async (modelId, _list, { isLibraryKept }) => {
      log.deletes.push({ modelId, isLibraryKept });
    },
  };
  return { binding, log };
}

function createFakeEngine(
  options: FakeWebLlmOptions,
  log: FakeWebLlmLog,
  onProgress: (report: RawInitProgress) => void,
): WebLlmEngineLike {
  let modelList: ModelRecordLike[] = [];
  let isUnloadRequested = false;
  let isInterrupted = false;
  let isLoaded = false;
  const delay = options.tokenDelayMs ?? 0;
  log.loseDevice = () => {
    isLoaded = false;
    isInterrupted = true;
  };
  return {
    setModelList: (list) => {
      modelList = list;
      log.modelLists.push(list);
    },
    async reload(modelId) {
      log.reloads.push(modelId);
      isUnloadRequested = false;
      isInterrupted = true; // reload unloads first, which ends any answer in flight
      isLoaded = false;
      if (!modelList.some((r) => r.model_id === modelId)) {
        throw createNamedError(
          'ModelNotFoundError',
          `Cannot find model record in appConfig for ${modelId}`,
        );
      }
      await reportLoadSteps(onProgress);
      if (options.reloadMode === 'hang-until-unload') while (!isUnloadRequested) await sleep(2);
      if (options.reloadMode === 'ignore-unload') await new Promise(() => undefined);
      if (isUnloadRequested) return; // web-llm returns quietly after an aborted reload
      onProgress({ progress: 1, timeElapsed: 0.01, text: 'Finish loading on WebGPU - fake' });
      isLoaded = true;
    },
    async unload() {
      log.unloads += 1;
      isUnloadRequested = true;
      isLoaded = false;
    },
    interruptGenerate() {
      log.interrupts += 1;
      isInterrupted = true;
    },
    async streamChat(request) {
      log.requests.push(request);
      if (!isLoaded) throw createNamedError('ModelNotLoadedError', WEBLLM_MODEL_NOT_LOADED);
      isInterrupted = false;
      const failure = options.failWith?.(request) ?? null;
      if (failure !== null) throw failure;
      const reply = options.reply?.(request) ?? `echo: ${request.messages.at(-1)?.content ?? ''}`;
      const logprob = request.logprobs === true ? (options.tokenLogprob ?? Math.log(0.9)) : null;
      return streamWords(
        reply,
        { delay, logprob, mode: options.streamMode ?? 'normal' },
        () => isInterrupted,
      );
    },
  };
}

/** Progress in web-llm's own text formats: two weight shards, then shader compilation. */
async function reportLoadSteps(onProgress: (report: RawInitProgress) => void): Promise<void> {
  const reports = [
    'Fetching param cache[1/2]: 10MB fetched. 50% completed, 0 secs elapsed.',
    'Fetching param cache[2/2]: 20MB fetched. 100% completed, 0 secs elapsed.',
    'Loading GPU shader modules[1/1]: 100% completed, 0 secs elapsed.',
  ];
  for (const [index, text] of reports.entries()) {
    onProgress({ progress: index === 0 ? 0.5 : 1, timeElapsed: 0, text });
    await sleep(2);
  }
}

interface StreamOptions {
  delay: number;
  logprob: number | null;
  mode: 'normal' | 'hang-after-first';
}

async function* streamWords(
  reply: string,
  { delay, logprob, mode }: StreamOptions,
  isInterrupted: () => boolean,
): AsyncGenerator<WireChunk> {
  const pieces = splitIntoPieces(reply);
  let sent = 0;
  let finish = 'stop';
  for (const piece of pieces) {
    if (isInterrupted()) {
      finish = 'abort';
      break;
    }
    // web-llm attaches the last sampled token's log-probability to each chunk.
    const logprobs = logprob === null ? null : { content: [{ logprob }] };
    yield { choices: [{ delta: { content: piece }, finish_reason: null, logprobs }] };
    sent += 1;
    if (mode === 'hang-after-first') await new Promise(() => undefined);
    if (delay > 0) await sleep(delay);
  }
  yield { choices: [{ delta: { content: '' }, finish_reason: finish }] };
  yield {
    choices: [],
    usage: {
      prompt_tokens: 12,
      completion_tokens: sent,
      extra: { prefill_tokens_per_s: 250, decode_tokens_per_s: 40 },
    },
  };
}
