import { describe, expect, it } from 'vitest';
import {
  defaultReply,
  ScriptedEngine,
  scriptedOptionsFromJson,
  splitIntoPieces,
} from '../../src/engine/scriptedEngine';
import type { ChatMessage } from '../../src/core/types';

const SETTINGS = { temperature: 0, maxTokens: 100 };
const convo = (user: string, system = 'Be warm.'): ChatMessage[] => [
  { role: 'system', content: system },
  { role: 'user', content: user },
];

async function loadedEngine(
  options: ConstructorParameters<typeof ScriptedEngine>[0] = {},
): Promise<ScriptedEngine> {
  const engine = new ScriptedEngine(options);
  await engine.load('scripted-model');
  return engine;
}

describe('ScriptedEngine', () => {
  it('carries the label the e2e tests look for', () => {
    expect(new ScriptedEngine().label).toContain('scripted test engine');
  });

  it.each([
    ['substring, case-insensitive', 'What is the CAPITAL of France?', 'Be warm.', 'Paris.'],
    ['regex on the user message', 'Is 7 prime?', 'Be warm.', 'Yes, 7 is prime.'],
    ['system-prompt rule', 'Anything', 'You are cold and terse.', 'Cold reply.'],
  ])('matches a %s', async (_label, user, system, expected) => {
    const engine = await loadedEngine({
      script: [
        { user: 'capital of france', reply: 'Paris.' },
        {
          user: /is \d+ prime/i,
          reply: (m) => `Yes, ${/\d+/.exec(m.at(-1)?.content ?? '')?.[0]} is prime.`,
        },
        { system: 'cold', reply: 'Cold reply.' },
      ],
    });
    expect((await engine.generate(convo(user, system), SETTINGS)).text).toBe(expected);
  });

  it('derives a deterministic default reply from the whole conversation', async () => {
    const engine = await loadedEngine();
    const a = await engine.generate(convo('Who wrote Hamlet?'), SETTINGS);
    const b = await engine.generate(convo('Who wrote Hamlet?'), SETTINGS);
    const c = await engine.generate(convo('Who wrote Hamlet?', 'Be cold.'), SETTINGS);
    expect(a.text).toBe(b.text);
    expect(a.text).toMatch(/^Scripted answer [0-9a-f]{8} to: Who wrote Hamlet\?$/);
    expect(c.text).not.toBe(a.text);
    expect(defaultReply(convo('x'.repeat(100)))).toMatch(/to: x{57}\.\.\.$/);
  });

  it('answers a JSON-schema request with a minimal valid object', async () => {
    const engine = await loadedEngine();
    const schema =
      '{"type":"object","properties":{"grade":{"enum":["correct","incorrect"]}},"required":["grade"]}';
    const result = await engine.generate(convo('judge this'), { ...SETTINGS, jsonSchema: schema });
    expect(JSON.parse(result.text)).toEqual({ grade: 'correct' });
  });

  it('fails exactly the configured calls, then recovers (retry tests)', async () => {
    const engine = await loadedEngine({ failOnCalls: [2, 3] });
    const outcomes: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      outcomes.push(
        await engine.generate(convo('q'), SETTINGS).then(
          (r) => r.finishReason,
          (e: Error) => e.name,
        ),
      );
    }
    expect(outcomes).toEqual(['stop', 'ScriptedFailure', 'ScriptedFailure', 'stop']);
    expect(engine.callCount).toBe(4);
  });

  it('stops at maxTokens pieces with finishReason length', async () => {
    const engine = await loadedEngine({
      script: [{ user: 'count', reply: 'one two three four five' }],
    });
    const result = await engine.generate(convo('count'), { ...SETTINGS, maxTokens: 3 });
    expect(result).toMatchObject({ text: 'one two three ', finishReason: 'length' });
    expect(result.usage.completionTokens).toBe(3);
  });

  it('cancels a load through its signal', async () => {
    const engine = new ScriptedEngine({ loadSteps: 5, loadStepDelayMs: 5 });
    const controller = new AbortController();
    const load = engine.load('m', {
      signal: controller.signal,
      onProgress: (p) => p.fraction > 0 && controller.abort(),
    });
    await expect(load).rejects.toMatchObject({ name: 'AbortError' });
    expect(engine.loadedModelId).toBeNull();
  });

  it('splits text into pieces that join back exactly', () => {
    expect(splitIntoPieces('  Hello,  world!\n')).toEqual(['  ', 'Hello,  ', 'world!\n']);
    expect(splitIntoPieces('')).toEqual([]);
  });
});

describe('scriptedOptionsFromJson', () => {
  it('reads rules, regex rules, delay and failing calls', async () => {
    const options = scriptedOptionsFromJson(
      '{"rules":[{"user":"/^hi$/i","reply":"Hello!"},{"system":"warm","reply":"Warm."}],"tokenDelayMs":0,"failOnCalls":[2,"x"]}',
    );
    expect(options.failOnCalls).toEqual([2]);
    const engine = await loadedEngine(options);
    expect((await engine.generate(convo('HI', 'neutral'), SETTINGS)).text).toBe('Hello!');
    await expect(engine.generate(convo('x'), SETTINGS)).rejects.toMatchObject({
      name: 'ScriptedFailure',
    });
    expect((await engine.generate(convo('other', 'be warm'), SETTINGS)).text).toBe('Warm.');
  });

  it.each([
    ['{bad', "localStorage['x']: not valid JSON"],
    ['{"rules":{}}', '"rules" should be an array'],
    ['{"rules":[{"user":"a"}]}', 'rules[0].reply should be a string'],
  ])('rejects %s', (text, message) => {
    expect(() => scriptedOptionsFromJson(text, "localStorage['x']")).toThrow(message);
  });
});
