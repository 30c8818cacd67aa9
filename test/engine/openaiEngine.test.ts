import { afterEach, describe, expect, it } from 'vitest';
import { startOpenAiServer } from './support/openaiServer';
import type { ServerBehaviour, TestServer } from './support/openaiServer';
import { OpenAiEngine } from '../../src/engine/openaiEngine';

const ORIGIN = 'http://localhost:5173';
const SETTINGS = { temperature: 0.2, maxTokens: 50 };
const ask = (content: string) => [{ role: 'user' as const, content }];

let server: TestServer | null = null;
async function start(overrides: Partial<ServerBehaviour> = {}): Promise<TestServer> {
  server = await startOpenAiServer({
    models: ['qwen2.5:0.5b'],
    tokenDelayMs: 0,
    reply: () => 'Paris is the capital.',
    ...overrides,
  });
  return server;
}
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('OpenAiEngine request mapping', () => {
  it('sends model, settings, json_schema response_format and the bearer key', async () => {
    const { baseUrl, bodies, headers } = await start({ requireKey: 'sk-test' });
    const engine = new OpenAiEngine({
      baseUrl: `${baseUrl}/`,
      apiKey: 'sk-test',
      pageOrigin: ORIGIN,
    });
    await engine.load('qwen2.5:0.5b');
    const schema =
      '{"type":"object","properties":{"verdict":{"type":"string"}},"required":["verdict"]}';
    const result = await engine.generate(ask('Capital of France?'), {
      ...SETTINGS,
      seed: 3,
      topP: 0.9,
      topLogprobs: 1,
      jsonSchema: schema,
    });
    expect(result).toMatchObject({ text: 'Paris is the capital.', finishReason: 'stop' });
    expect(result.usage).toMatchObject({ promptTokens: 9, completionTokens: 4 });
    expect(bodies[0]).toMatchObject({
      model: 'qwen2.5:0.5b',
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.2,
      max_tokens: 50,
      seed: 3,
      top_p: 0.9,
      logprobs: true,
      top_logprobs: 1,
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'response', schema: JSON.parse(schema), strict: true },
      },
    });
    expect(bodies[0]).not.toHaveProperty('extra_body');
    expect(headers.at(-1)?.authorization).toBe('Bearer sk-test');
  });

  it('accepts a server that ignores stream and answers one JSON completion', async () => {
    const { baseUrl } = await start({ mode: 'json' });
    const engine = new OpenAiEngine({ baseUrl, pageOrigin: ORIGIN });
    await engine.load('qwen2.5:0.5b');
    const tokens: string[] = [];
    const result = await engine.generate(ask('x'), SETTINGS, (t) => tokens.push(t));
    expect(result.text).toBe('Paris is the capital.');
    expect(tokens).toEqual(['Paris is the capital.']);
    expect(result.usage.completionTokens).toBe(4);
  });

  it('loads without checking when the server has no /models route', async () => {
    const { baseUrl } = await start({ modelsStatus: 404 });
    const engine = new OpenAiEngine({ baseUrl, pageOrigin: ORIGIN });
    await engine.load('qwen2.5:0.5b');
    expect(engine.loadedModelId).toBe('qwen2.5:0.5b');
  });
});

describe('OpenAiEngine errors', () => {
  it('explains a network or CORS failure with the page origin and OLLAMA_ORIGINS', async () => {
    const { baseUrl } = await start();
    await server?.close();
    server = null;
    const engine = new OpenAiEngine({ baseUrl, pageOrigin: ORIGIN });
    const error = (await engine.load('m').catch((e: unknown) => e)) as Error;
    expect(error.name).toBe('NetworkError');
    expect(error.message).toContain('did not answer or blocked this page by CORS');
    expect(error.message).toContain(`OLLAMA_ORIGINS=${ORIGIN}`);
  });

  it('reports a wrong API key as AuthError', async () => {
    const { baseUrl } = await start({ requireKey: 'right' });
    const engine = new OpenAiEngine({ baseUrl, apiKey: 'wrong', pageOrigin: ORIGIN });
    await expect(engine.load('qwen2.5:0.5b')).rejects.toMatchObject({
      name: 'AuthError',
      message:
        'The endpoint refused the request (HTTP 401): check the API key. Incorrect API key provided.',
    });
  });

  it('accepts a bare Ollama name for the ":latest" tag it lists', async () => {
    const { baseUrl } = await start({ models: ['llama3.2:latest'] });
    const engine = new OpenAiEngine({ baseUrl, pageOrigin: ORIGIN });
    await engine.load('llama3.2');
    expect(engine.loadedModelId).toBe('llama3.2');
    const result = await engine.generate([{ role: 'user', content: 'hi' }], {
      temperature: 0,
      maxTokens: 8,
    });
    expect(result.finishReason).toBe('stop');
    await expect(engine.load('llama3.2:1b')).rejects.toMatchObject({ name: 'ModelNotFoundError' });
  });

  it('lists available models when the chosen one is missing', async () => {
    const { baseUrl } = await start({ models: ['llama3.2:1b', 'qwen2.5:0.5b'] });
    const engine = new OpenAiEngine({ baseUrl, pageOrigin: ORIGIN });
    await expect(engine.load('gemma:2b')).rejects.toMatchObject({
      name: 'ModelNotFoundError',
      message: 'The endpoint does not list model "gemma:2b". Available: llama3.2:1b, qwen2.5:0.5b.',
    });
  });

  it('turns a 404 during generation into ModelNotFoundError with a pull hint', async () => {
    const { baseUrl } = await start({ modelsStatus: 404, models: [] });
    const engine = new OpenAiEngine({ baseUrl, pageOrigin: ORIGIN });
    await engine.load('phi3');
    const error = (await engine.generate(ask('x'), SETTINGS).catch((e: unknown) => e)) as Error;
    expect(error.name).toBe('ModelNotFoundError');
    expect(error.message).toContain('ollama pull phi3');
  });

  it('rejects a stream whose events are not JSON', async () => {
    const { baseUrl } = await start({ mode: 'garbage' });
    const engine = new OpenAiEngine({ baseUrl, pageOrigin: ORIGIN });
    await engine.load('qwen2.5:0.5b');
    const error = (await engine.generate(ask('x'), SETTINGS).catch((e: unknown) => e)) as Error;
    expect(error.name).toBe('BadResponseError');
    expect(error.message).toContain('the stream event is not JSON');
  });

  it('rejects a JSON schema that does not parse before sending anything', async () => {
    const { baseUrl, bodies } = await start();
    const engine = new OpenAiEngine({ baseUrl, pageOrigin: ORIGIN });
    await engine.load('qwen2.5:0.5b');
    await expect(
      engine.generate(ask('x'), { ...SETTINGS, jsonSchema: '{nope' }),
    ).rejects.toMatchObject({
      name: 'InvalidSettingsError',
    });
    expect(bodies).toHaveLength(0);
  });
});
