import { describe, expect, it } from 'vitest';
import {
  buildChatRequest,
  StreamAccumulator,
  toFinishReason,
  toUsage,
} from '../../src/engine/chatWire';

describe('chat wire mapping', () => {
  it('adds enable_thinking=false only for Qwen3 on web-llm', () => {
    const messages = [{ role: 'user' as const, content: 'hi' }];
    const settings = { temperature: 0, maxTokens: 8 };
    expect(
      buildChatRequest(messages, settings, 'webllm', 'Qwen3-0.6B-q4f16_1-MLC').extra_body,
    ).toEqual({
      enable_thinking: false,
    });
    expect(
      buildChatRequest(messages, settings, 'webllm', 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC')
        .extra_body,
    ).toBeUndefined();
    expect(buildChatRequest(messages, settings, 'openai', 'Qwen3-0.6B').extra_body).toBeUndefined();
    expect(
      buildChatRequest(messages, { ...settings, topLogprobs: 0 }, 'webllm').logprobs,
    ).toBeUndefined();
  });

  it.each([
    ['length', 'length'],
    ['abort', 'abort'],
    ['stop', 'stop'],
    ['tool_calls', 'stop'],
    [null, 'stop'],
  ] as const)('finish reason %s → %s', (raw, expected) => {
    expect(toFinishReason(raw)).toBe(expected);
  });

  it('measures rates from timing when the server gives none, and never emits NaN', () => {
    const accumulator = new StreamAccumulator(() => 1100);
    accumulator.add({ choices: [{ delta: { content: 'a' } }] });
    accumulator.add({ choices: [{ delta: { content: 'b' } }] });
    const timing = { startedAt: 1000, firstTokenAt: accumulator.firstTokenAt, endedAt: 1300 };
    expect(toUsage({ prompt_tokens: 50, completion_tokens: 3 }, 2, timing)).toEqual({
      promptTokens: 50,
      completionTokens: 3,
      prefillTokensPerSecond: 500,
      decodeTokensPerSecond: 10,
    });
    expect(toUsage(null, 0, { startedAt: 0, firstTokenAt: null, endedAt: 0 })).toEqual({
      promptTokens: 0,
      completionTokens: 0,
    });
  });
});
