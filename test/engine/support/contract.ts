/**
 * The engine CONTRACT: behaviour every `Engine` must share, run against each implementation
 * (scripted, OpenAI-compatible over a real local HTTP server, and the worker path with web-llm
 * stubbed). A fixture builds its engine so that it honours `CONTRACT_SCRIPT`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { GenerationSettings } from '../../../src/core/types';
import type { Engine, LoadProgress } from '../../../src/engine/engine';

export const CONTRACT_SCRIPT = {
  modelId: 'contract-model',
  shortPrompt: 'Say hello',
  shortReply: 'Hello there, friend.',
  longPrompt: 'Tell a long story',
  longReply: Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ') + '.',
  errorPrompt: 'Please fail',
  errorName: 'ContractFailure',
  errorMessage: 'deliberate failure for the contract',
  tokenDelayMs: 15,
  /** What every fixture reports as prompt tokens (scripted counts words: see its fixture). */
} as const;

export interface EngineFixture {
  engine: Engine;
  /** The error the fixture turns `errorPrompt` into. */
  expectedError: { name: string; messageIncludes: string };
  close(): Promise<void>;
}

const SETTINGS: GenerationSettings = { temperature: 0, maxTokens: 256, seed: 1 };

function ask(prompt: string) {
  return [
    { role: 'system' as const, content: 'You are a test.' },
    { role: 'user' as const, content: prompt },
  ];
}

/** Registers the shared contract cases for one engine implementation. */
export function runEngineContract(name: string, makeFixture: () => Promise<EngineFixture>): void {
  describe(`engine contract: ${name}`, () => {
    let fixture: EngineFixture | null = null;
    async function loaded(): Promise<{
      engine: Engine;
      progress: LoadProgress[];
      fixture: EngineFixture;
    }> {
      fixture = await makeFixture();
      const progress: LoadProgress[] = [];
      await fixture.engine.load(CONTRACT_SCRIPT.modelId, { onProgress: (p) => progress.push(p) });
      return { engine: fixture.engine, progress, fixture };
    }
    afterEach(async () => {
      await fixture?.close();
      fixture = null;
    });

    it('loads with monotonic progress ending at 1 and reports the loaded model', async () => {
      const { engine, progress } = await loaded();
      expect(engine.loadedModelId).toBe(CONTRACT_SCRIPT.modelId);
      expect(progress.length).toBeGreaterThanOrEqual(2);
      const fractions = progress.map((p) => p.fraction);
      expect(
        fractions.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= (fractions[i - 1] ?? 0))),
      ).toBe(true);
      expect(fractions.at(-1)).toBe(1);
      expect(progress.every((p) => Number.isFinite(p.elapsedMs) && p.elapsedMs >= 0)).toBe(true);
    });

    it('streams tokens whose concatenation equals the final text', async () => {
      const { engine } = await loaded();
      const tokens: string[] = [];
      const result = await engine.generate(ask(CONTRACT_SCRIPT.shortPrompt), SETTINGS, (d) =>
        tokens.push(d),
      );
      expect(result.text).toBe(CONTRACT_SCRIPT.shortReply);
      expect(tokens.join('')).toBe(result.text);
      expect(tokens.length).toBeGreaterThan(1);
      expect(result.finishReason).toBe('stop');
    });

    it('reports usage numbers: counts and finite positive rates', async () => {
      const { engine } = await loaded();
      const tokens: string[] = [];
      const result = await engine.generate(ask(CONTRACT_SCRIPT.longPrompt), SETTINGS, (d) =>
        tokens.push(d),
      );
      expect(result.usage.completionTokens).toBe(tokens.length);
      expect(result.usage.promptTokens).toBeGreaterThan(0);
      for (const rate of [
        result.usage.prefillTokensPerSecond,
        result.usage.decodeTokensPerSecond,
      ]) {
        expect(rate).toBeGreaterThan(0);
        expect(Number.isFinite(rate)).toBe(true);
      }
      expect(result.elapsedMs).toBeGreaterThan(0);
    });

    it('aborts mid-stream with finishReason abort and the partial text', async () => {
      const { engine } = await loaded();
      const controller = new AbortController();
      const tokens: string[] = [];
      const result = await engine.generate(
        ask(CONTRACT_SCRIPT.longPrompt),
        SETTINGS,
        (delta) => {
          tokens.push(delta);
          if (tokens.length === 2) controller.abort();
        },
        controller.signal,
      );
      expect(result.finishReason).toBe('abort');
      expect(result.text).toBe(tokens.join(''));
      expect(result.text.length).toBeGreaterThan(0);
      expect(result.text.length).toBeLessThan(CONTRACT_SCRIPT.longReply.length);
      expect(CONTRACT_SCRIPT.longReply.startsWith(result.text)).toBe(true);
    });

    it('surfaces a failure as an Error with a specific name and message', async () => {
      const { engine, fixture: current } = await loaded();
      const failure = await engine
        .generate(ask(CONTRACT_SCRIPT.errorPrompt), SETTINGS)
        .catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(Error);
      expect((failure as Error).name).toBe(current.expectedError.name);
      expect((failure as Error).message).toContain(current.expectedError.messageIncludes);
      // The engine stays usable after a failed request.
      const next = await engine.generate(ask(CONTRACT_SCRIPT.shortPrompt), SETTINGS);
      expect(next.text).toBe(CONTRACT_SCRIPT.shortReply);
    });

    it('rejects generation before any model is loaded', async () => {
      fixture = await makeFixture();
      const failure = await fixture.engine.generate(ask('hi'), SETTINGS).catch((e: unknown) => e);
      expect((failure as Error).name).toBe('ModelNotLoadedError');
    });
  });
}
