import { describe, expect, it } from 'vitest';
import {
  FAST_MODE_INSTRUCTION,
  toDefaultMessages,
  toFastModeMessages,
  toFastModeSettings,
} from '../../../src/core/experiment/messages';
import { buildPlan } from '../../../src/core/experiment/plan';
import { composeForTest, makeArm, makeDesign, makePool } from './fixtures';

const entry = buildPlan(makeDesign(), makePool(2), composeForTest)[0]!;

describe('toDefaultMessages', () => {
  it('puts system prompt, few-shot turns, then the composed prompt', () => {
    const arm = {
      ...makeArm('warm', 'm', 'warm'),
      fewShot: [
        { role: 'user' as const, content: 'Hi' },
        { role: 'assistant' as const, content: 'Hello, friend!' },
      ],
    };
    expect(toDefaultMessages(entry, arm)).toEqual([
      { role: 'system', content: 'Be warm.' },
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello, friend!' },
      { role: 'user', content: '[none] Question factual-0?' },
    ]);
  });

  it('omits an empty system prompt', () => {
    const arm = { ...makeArm('base', 'm'), systemPrompt: '  ' };
    expect(toDefaultMessages(entry, arm)).toEqual([
      { role: 'user', content: '[none] Question factual-0?' },
    ]);
  });
});

describe('fast mode', () => {
  it.each([
    [
      { temperature: 0.7, maxTokens: 256, seed: 3 },
      { temperature: 0.7, maxTokens: 24, seed: 3, topLogprobs: 1 },
    ],
    [
      { temperature: 0, maxTokens: 8 },
      { temperature: 0, maxTokens: 8, topLogprobs: 1 },
    ],
  ])('turns %j into %j', (settings, expected) => {
    expect(toFastModeSettings(settings)).toEqual(expected);
  });

  it('appends the answer-only instruction to the last user turn only', () => {
    const messages = [
      { role: 'user' as const, content: 'Example?' },
      { role: 'assistant' as const, content: 'Example.' },
      { role: 'user' as const, content: 'Real question?' },
    ];
    const fast = toFastModeMessages(messages);
    expect(fast[0]?.content).toBe('Example?');
    expect(fast[2]?.content).toBe(`Real question?\n\n${FAST_MODE_INSTRUCTION}`);
    expect(messages[2]?.content).toBe('Real question?');
  });
});
