import { describe, expect, it } from 'vitest';
import {
  createDefaultArms,
  getPersona,
  PERSONAS,
  toArmMessages,
  WARM_FEW_SHOT,
} from '../../src/core/personas';

describe('personas', () => {
  it('offers warm, cold and neutral presets that all ask for accuracy', () => {
    expect(PERSONAS.map((p) => p.id)).toEqual(['warm', 'cold', 'neutral']);
    for (const persona of PERSONAS)
      expect(persona.systemPrompt.toLowerCase()).toContain('accurate');
  });

  it('builds a base and a warm arm that share one model and one decoding setting', () => {
    const [base, warm] = createDefaultArms('Qwen2.5-0.5B-Instruct-q4f32_1-MLC');
    expect(base).toMatchObject({
      id: 'base',
      role: 'base',
      modelId: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC',
    });
    expect(base?.systemPrompt).toBeUndefined();
    expect(warm).toMatchObject({
      id: 'warm',
      role: 'warm',
      modelId: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC',
    });
    expect(warm?.systemPrompt).toBe(getPersona('warm').systemPrompt);
    expect(warm?.settings).toEqual(base?.settings);
    expect(warm?.settings).not.toBe(base?.settings);
  });

  it('puts the system prompt first, then warm examples, then the question', () => {
    const [, warm] = createDefaultArms('m');
    const arm = { ...warm!, fewShot: [...WARM_FEW_SHOT] };
    const messages = toArmMessages(arm, 'What is the capital of Australia?');
    expect(messages.map((m) => m.role)).toEqual([
      'system',
      'user',
      'assistant',
      'user',
      'assistant',
      'user',
    ]);
    expect(messages.at(-1)).toEqual({ role: 'user', content: 'What is the capital of Australia?' });
  });

  it('rejects an unknown persona id', () => {
    expect(() => getPersona('hot' as never)).toThrow('unknown persona "hot"');
  });
});
