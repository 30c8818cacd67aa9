/**
 * Module-worker entry: wires `WorkerHandler` to the real `@mlc-ai/web-llm`.
 *
 * Owns: the only runtime import of web-llm in the app (so its ~6 MB chunk loads only when the
 * worker starts) and the adaptation of `MLCEngine` to `WebLlmEngineLike`. Invariants: thin, no
 * logic worth testing here; every message in and out is typed by protocol.ts.
 */
import {
  MLCEngine,
  deleteChatConfigInCache,
  deleteModelAllInfoInCache,
  deleteModelInCache,
  hasModelInCache,
  modelVersion,
  prebuiltAppConfig,
} from '@mlc-ai/web-llm';
import type { AppConfig, ChatCompletionRequestStreaming, ModelRecord } from '@mlc-ai/web-llm';
import type { ModelRecordLike } from './modelRecord';
import type { EngineEvent, EngineRequest } from './protocol';
import { WorkerHandler } from './workerHandler';
import type { WebLlmBinding, WebLlmEngineLike } from './workerHandler';

/** Type-checks that our structural record stays assignable to web-llm's. */
function toAppConfig(modelList: ModelRecordLike[]): AppConfig {
  const records: ModelRecord[] = modelList;
  return { ...prebuiltAppConfig, model_list: records };
}

function adaptEngine(engine: MLCEngine): WebLlmEngineLike {
  return {
    setModelList: (modelList) => engine.setAppConfig(toAppConfig(modelList)),
    reload: (modelId) => engine.reload(modelId),
    unload: () => engine.unload(),
    interruptGenerate: () => engine.interruptGenerate(),
    // Our request type also allows the OpenAI `json_schema` response format, which the handler
    // never builds for the web-llm dialect (it uses `json_object` + schema string).
    streamChat: (request) =>
      engine.chat.completions.create(request as ChatCompletionRequestStreaming),
  };
}

const binding: WebLlmBinding = {
  modelVersion,
  prebuiltModels: prebuiltAppConfig.model_list,
  createEngine: (onProgress) =>
    adaptEngine(new MLCEngine({ appConfig: prebuiltAppConfig, initProgressCallback: onProgress })),
  hasModelInCache: (modelId, modelList) => hasModelInCache(modelId, toAppConfig(modelList)),
  deleteModelFromCache: async (modelId, modelList, { isLibraryKept }) => {
    const appConfig = toAppConfig(modelList);
    if (!isLibraryKept) return deleteModelAllInfoInCache(modelId, appConfig);
    await deleteModelInCache(modelId, appConfig);
    await deleteChatConfigInCache(modelId, appConfig);
  },
};

const scope = self as unknown as {
  postMessage(event: EngineEvent): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<EngineRequest>) => void): void;
};

const handler = new WorkerHandler(binding, (event) => scope.postMessage(event));

scope.addEventListener('message', (event) => {
  void handler.handle(event.data);
});
