import { CONTRACT_SCRIPT, runEngineContract } from './support/contract';
import type { EngineFixture } from './support/contract';
import { connectWorkerEngine } from './support/channel';
import { createFakeWebLlm } from './support/fakeWebLlm';
import { startOpenAiServer } from './support/openaiServer';
import { ScriptedEngine } from '../../src/engine/scriptedEngine';
import { OpenAiEngine } from '../../src/engine/openaiEngine';
import { createNamedError } from '../../src/engine/errors';
import type { ChatMessage } from '../../src/core/types';

const S = CONTRACT_SCRIPT;

function replyFor(lastUser: string): string {
  if (lastUser === S.longPrompt) return S.longReply;
  if (lastUser === S.shortPrompt) return S.shortReply;
  return `unexpected prompt: ${lastUser}`;
}

function lastUser(messages: readonly { role: string; content: string }[]): string {
  return [...messages].reverse().find((m) => m.role === 'user')?.content ?? '';
}

runEngineContract('scripted', async (): Promise<EngineFixture> => {
  const engine = new ScriptedEngine({
    tokenDelayMs: S.tokenDelayMs,
    script: (messages: ChatMessage[]) => {
      if (lastUser(messages) === S.errorPrompt) throw createNamedError(S.errorName, S.errorMessage);
      return replyFor(lastUser(messages));
    },
  });
  return {
    engine,
    expectedError: { name: S.errorName, messageIncludes: S.errorMessage },
    close: async () => undefined,
  };
});

runEngineContract(
  'OpenAI-compatible over a local HTTP server',
  async (): Promise<EngineFixture> => {
    const server = await startOpenAiServer({
      models: [S.modelId],
      tokenDelayMs: S.tokenDelayMs,
      reply: (body) => replyFor(lastUser(body.messages)),
      fail: (body) =>
        lastUser(body.messages) === S.errorPrompt
          ? [500, JSON.stringify({ error: { message: S.errorMessage } })]
          : null,
    });
    return {
      engine: new OpenAiEngine({ baseUrl: server.baseUrl, pageOrigin: 'http://localhost:5173' }),
      expectedError: { name: 'BadResponseError', messageIncludes: S.errorMessage },
      close: () => server.close(),
    };
  },
);

runEngineContract(
  'web-llm worker path (stubbed web-llm, MessageChannel)',
  async (): Promise<EngineFixture> => {
    const { binding } = createFakeWebLlm({
      models: [S.modelId],
      tokenDelayMs: S.tokenDelayMs,
      reply: (request) => replyFor(lastUser(request.messages)),
      failWith: (request) =>
        lastUser(request.messages) === S.errorPrompt
          ? createNamedError(S.errorName, S.errorMessage)
          : null,
    });
    const connected = connectWorkerEngine(binding);
    return {
      engine: connected.engine,
      expectedError: { name: S.errorName, messageIncludes: S.errorMessage },
      close: async () => connected.close(),
    };
  },
);
