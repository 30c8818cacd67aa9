import { describe, expect, it } from 'vitest';
import {
  draftFromEndpoint,
  emptyEndpointDraft,
  endpointModelId,
  endpointNameFromModelId,
  isHostAllowedByPolicy,
  validateEndpoint,
} from '../../src/engine/endpoints';

const SAVED = [{ name: 'ollama', baseUrl: 'http://localhost:11434/v1', model: 'llama3.2:1b' }];
const GOOD = { name: 'vllm', baseUrl: 'http://127.0.0.1:8000/v1/', model: 'qwen', apiKey: '' };

describe('endpoint model ids', () => {
  it.each([
    ['endpoint:ollama', 'ollama'],
    ['endpoint:my server', 'my server'],
    ['endpoint:', null],
    ['Qwen2.5-0.5B-Instruct-q4f32_1-MLC', null],
  ])('%s → %s', (id, name) => {
    expect(endpointNameFromModelId(id)).toBe(name);
  });
  it('round-trips a name', () => {
    expect(endpointNameFromModelId(endpointModelId('lm studio'))).toBe('lm studio');
  });
});

describe('validateEndpoint', () => {
  it('trims, drops trailing slashes and omits an empty key', () => {
    expect(validateEndpoint(GOOD, SAVED, null)).toEqual({
      isValid: true,
      endpoint: { name: 'vllm', baseUrl: 'http://127.0.0.1:8000/v1', model: 'qwen' },
    });
  });
  it('keeps a typed API key', () => {
    const checked = validateEndpoint({ ...GOOD, apiKey: ' sk-abc ' }, SAVED, null);
    expect(checked.isValid && checked.endpoint.apiKey).toBe('sk-abc');
  });
  it.each([
    ['name', { name: '' }, 'Name: 1–48 letters'],
    ['name', { name: '-x' }, 'starting with a letter or digit'],
    ['name', { name: 'ollama' }, 'Name "ollama" is already used'],
    ['baseUrl', { baseUrl: 'localhost:11434' }, 'must start with http:// or https://'],
    ['baseUrl', { baseUrl: 'not a url' }, 'Base URL "not a url" is not a URL'],
    ['baseUrl', { baseUrl: 'ftp://host/v1' }, 'got ftp:'],
    ['baseUrl', { baseUrl: 'http://host/v1?x=1' }, 'must not contain "?" or "#"'],
    ['model', { model: '  ' }, 'Model: the name the server knows it by'],
  ] as const)('rejects a bad %s (%j)', (field, patch, message) => {
    const checked = validateEndpoint({ ...GOOD, ...patch }, SAVED, null);
    expect(checked.isValid).toBe(false);
    if (!checked.isValid) expect(checked.errors[field]).toContain(message);
  });
  it('lets an endpoint keep its own name while edited', () => {
    const draft = { ...draftFromEndpoint(SAVED[0]!), model: 'llama3.2:3b' };
    const checked = validateEndpoint(draft, SAVED, 'ollama');
    expect(checked.isValid && checked.endpoint.model).toBe('llama3.2:3b');
  });
  it('starts new drafts at the usual Ollama address', () => {
    expect(emptyEndpointDraft()).toEqual({
      name: '',
      baseUrl: 'http://localhost:11434/v1',
      model: '',
      apiKey: '',
    });
  });
});

describe('isHostAllowedByPolicy (the app CSP connect-src)', () => {
  it.each([
    ['http://localhost:11434/v1', true],
    ['http://localhost/v1', true],
    ['http://127.0.0.1:8080/v1', true],
    ['https://api.openai.com/v1', true],
    ['https://api.openai.com:8443/v1', false],
    ['http://api.openai.com/v1', false],
    ['https://localhost:11434/v1', false],
    ['http://192.168.1.5:11434/v1', false],
    ['https://api.together.xyz/v1', false],
    ['nonsense', false],
  ])('%s → %s', (url, isAllowed) => {
    expect(isHostAllowedByPolicy(url)).toBe(isAllowed);
  });
  it('honours explicit ports and ignores malformed patterns', () => {
    expect(isHostAllowedByPolicy('http://box:8000/v1', ['http://box:8000'])).toBe(true);
    expect(isHostAllowedByPolicy('http://box:8001/v1', ['http://box:8000'])).toBe(false);
    expect(isHostAllowedByPolicy('http://box/v1', ['box'])).toBe(false);
  });
});
