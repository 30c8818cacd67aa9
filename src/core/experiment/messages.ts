/**
 * What is sent to a model for one plan entry: the chat messages and, in fast mode, the settings.
 *
 * Owns: the default message layout (system prompt, warm few-shot exchanges, then the composed
 * user prompt) and fast answer-only mode. Invariant: the user message is the plan entry's
 * composed prompt verbatim (fast mode only appends its instruction after it), so every arm of a
 * pair sees the same question text.
 */
import type { Arm, ChatMessage, GenerationSettings } from '../types';
import type { PlanEntry } from './plan';

/** Token budget of a fast-mode answer: enough for "Paris", "No" or an option's text. */
export const FAST_MODE_MAX_TOKENS = 24;

/** Appended to the user prompt in fast mode. */
export const FAST_MODE_INSTRUCTION =
  'Reply with the answer only: a few words, yes or no, or the chosen option, with no explanation.';

/**
 * The default messages of an entry under an arm: the arm's system prompt (if any), its few-shot
 * exchanges, then the entry's composed prompt as the user turn.
 */
export function toDefaultMessages(entry: PlanEntry, arm: Arm): ChatMessage[] {
  const messages: ChatMessage[] = [];
  if (arm.systemPrompt !== undefined && arm.systemPrompt.trim() !== '') {
    messages.push({ role: 'system', content: arm.systemPrompt });
  }
  for (const message of arm.fewShot ?? []) messages.push({ ...message });
  messages.push({ role: 'user', content: entry.prompt.text });
  return messages;
}

/**
 * Settings for fast answer-only mode: a tiny token budget and `topLogprobs: 1`.
 * The log-probabilities are requested because web-llm returns none when only `logprobs` is set;
 * they let the UI show the model's confidence in its short answer.
 */
export function toFastModeSettings(settings: GenerationSettings): GenerationSettings {
  return {
    ...settings,
    maxTokens: Math.min(settings.maxTokens, FAST_MODE_MAX_TOKENS),
    topLogprobs: 1,
  };
}

/** Appends the answer-only instruction to the last user message (a copy). */
export function toFastModeMessages(messages: readonly ChatMessage[]): ChatMessage[] {
  const copy = messages.map((m) => ({ ...m }));
  for (let i = copy.length - 1; i >= 0; i--) {
    const message = copy[i];
    if (message?.role === 'user') {
      message.content = `${message.content}\n\n${FAST_MODE_INSTRUCTION}`;
      return copy;
    }
  }
  copy.push({ role: 'user', content: FAST_MODE_INSTRUCTION });
  return copy;
}
