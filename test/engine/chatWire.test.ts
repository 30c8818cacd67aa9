import { describe, expect, it } from 'vitest';
import {
  answerProbabilityOf,
  buildChatRequest,
  usesThinking,
  StreamAccumulator,
  toFinishReason,
  toUsage,
} from '../../src/engine/chatWire';

describe('chat wire mapping', () => {
  it('turns thinking off on web-llm when asked, never on OpenAI endpoints', () => {
    const messages = [{ role: 'user' as const, content: 'hi' }];
    const settings = { temperature: 0, maxTokens: 8 };
    const off = { model: 'Qwen3-0.6B-q4f16_1-MLC', isThinkingOff: true };
    expect(buildChatRequest(messages, settings, 'webllm', off).extra_body).toEqual({
      enable_thinking: false,
    });
    expect(
      buildChatRequest(messages, settings, 'webllm', { model: 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC' })
        .extra_body,
    ).toBeUndefined();
    expect(buildChatRequest(messages, settings, 'openai', off).extra_body).toBeUndefined();
    expect(
      buildChatRequest(messages, { ...settings, topLogprobs: 0 }, 'webllm').logprobs,
    ).toBeUndefined();
  });

  it('decides thinking from the base model a record reuses, not from its id', () => {
    const custom = {
      model: 'https://huggingface.co/me/warm-qwen3/resolve/main/',
      model_id: 'warm-qwen3-q4f16_1',
      model_lib: 'https://raw.githubusercontent.com/x/Qwen3-0.6B-q4f16_1-ctx4k_cs1k-webgpu.wasm',
      base_model_id: 'Qwen3-0.6B-q4f16_1-MLC',
    };
    const local = {
      model: 'https://local.warmth-lab.invalid/models/q/resolve/main/',
      model_id: 'local-q',
      model_lib: 'https://local.warmth-lab.invalid/models/q/resolve/main/lib.wasm',
      architecture: 'qwen3',
    };
    expect(usesThinking('Qwen3-0.6B-q4f16_1-MLC')).toBe(true);
    expect(usesThinking(custom.model_id, custom)).toBe(true);
    expect(usesThinking(local.model_id, local)).toBe(true);
    expect(usesThinking('Qwen3-lookalike', { ...local, architecture: 'qwen2' })).toBe(false);
    expect(
      usesThinking('warm-qwen25', {
        ...custom,
        base_model_id: 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC',
      }),
    ).toBe(false);
  });

  it('asks for log-probabilities only when sampling (at temperature 0 they are all 1)', () => {
    const messages = [{ role: 'user' as const, content: 'hi' }];
    const greedy = buildChatRequest(
      messages,
      { temperature: 0, maxTokens: 8, topLogprobs: 1 },
      'webllm',
    );
    expect([greedy.logprobs, greedy.top_logprobs]).toEqual([undefined, undefined]);
    const sampled = buildChatRequest(
      messages,
      { temperature: 0.8, maxTokens: 8, topLogprobs: 1 },
      'webllm',
    );
    expect([sampled.logprobs, sampled.top_logprobs]).toEqual([true, 1]);
  });

  it('turns streamed chosen-token log-probabilities into the answer probability', () => {
    const accumulator = new StreamAccumulator(() => 0);
    expect(answerProbabilityOf(accumulator)).toEqual({});
    // web-llm's chunk shape: choices[0].logprobs.content holds the last sampled token.
    accumulator.add({
      choices: [{ delta: { content: 'Par' }, logprobs: { content: [{ logprob: Math.log(0.5) }] } }],
    });
    accumulator.add({
      choices: [{ delta: { content: 'is' }, logprobs: { content: [{ logprob: Math.log(0.8) }] } }],
    });
    accumulator.add({
      choices: [{ delta: { content: '' }, finish_reason: 'stop', logprobs: null }],
    });
    expect(answerProbabilityOf(accumulator).answerProbability).toBeCloseTo(0.4, 12);
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
