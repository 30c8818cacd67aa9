/**
 * TEST ONLY: a deterministic `Engine` answering from a script.
 *
 * Owns: rule matching (on the last user message and/or the system prompt), a deterministic
 * default reply, word-by-word streaming with a configurable delay, abort, usage, fake load
 * progress and "fail the Nth call" for retry tests. Invariants: same script + same messages →
 * same text; reached from production code only through `engineFactory.ts` behind the
 * `__SCRIPTED_ENGINE__` build constant, so production bundles do not contain it.
 */
import { hashString } from '../core/random';
import type { ChatMessage, GenerateResult, GenerationSettings, Usage } from '../core/types';
import type { Engine, LoadOptions } from './engine';
import { createAbortError, createNamedError, ENGINE_ERROR } from './errors';
import { exampleFromSchema } from './schemaExample';

export const SCRIPTED_ENGINE_LABEL = 'scripted test engine';

export interface ScriptRule {
  /** Substring (case-insensitive) or regex tested against the last user message. */
  user?: string | RegExp;
  /** Substring (case-insensitive) or regex tested against the system prompt. */
  system?: string | RegExp;
  reply: string | ((messages: ChatMessage[]) => string);
}

/** A function returning undefined falls through to the default reply. */
export type Script = readonly ScriptRule[] | ((messages: ChatMessage[]) => string | undefined);

export interface ScriptedEngineOptions {
  script?: Script;
  /** Milliseconds between streamed words; 0 streams as fast as possible. */
  tokenDelayMs?: number;
  /** 1-based generate() call numbers that reject with a `ScriptedFailure` error. */
  failOnCalls?: readonly number[];
  /** Number of fake progress steps a load reports (at least 1). */
  loadSteps?: number;
  /** Milliseconds between load steps. */
  loadStepDelayMs?: number;
}

export class ScriptedEngine implements Engine {
  readonly kind = 'scripted' as const;
  readonly label = `Scripted replies (${SCRIPTED_ENGINE_LABEL})`;
  readonly #options: Required<Omit<ScriptedEngineOptions, 'script'>> & { script: Script };
  #loadedModelId: string | null = null;
  #calls = 0;

  constructor(options: ScriptedEngineOptions = {}) {
    this.#options = {
      script: options.script ?? [],
      tokenDelayMs: options.tokenDelayMs ?? 0,
      failOnCalls: options.failOnCalls ?? [],
      loadSteps: Math.max(1, options.loadSteps ?? 4),
      loadStepDelayMs: options.loadStepDelayMs ?? 0,
    };
  }

  get loadedModelId(): string | null {
    return this.#loadedModelId;
  }

  /** How many times generate() has been called (including failed calls). */
  get callCount(): number {
    return this.#calls;
  }

  async load(modelId: string, options: LoadOptions = {}): Promise<void> {
    const { loadSteps, loadStepDelayMs } = this.#options;
    const startedAt = Date.now();
    const totalBytes = loadSteps * 1024 * 1024;
    this.#loadedModelId = null;
    for (let step = 0; step <= loadSteps; step += 1) {
      if (options.signal?.aborted) throw createAbortError('Model load cancelled.');
      options.onProgress?.({
        fraction: step / loadSteps,
        loadedBytes: step * 1024 * 1024,
        totalBytes,
        text:
          step === loadSteps
            ? 'Scripted model ready.'
            : `Pretending to fetch shard ${step + 1}/${loadSteps}`,
        elapsedMs: Date.now() - startedAt,
      });
      if (step < loadSteps) await sleep(loadStepDelayMs);
    }
    this.#loadedModelId = modelId;
  }

  async unload(): Promise<void> {
    this.#loadedModelId = null;
  }

  async generate(
    messages: ChatMessage[],
    settings: GenerationSettings,
    onToken?: (delta: string) => void,
    signal?: AbortSignal,
  ): Promise<GenerateResult> {
    this.#calls += 1;
    if (this.#loadedModelId === null) {
      throw createNamedError(
        ENGINE_ERROR.notLoaded,
        'No model is loaded: load one before generating.',
      );
    }
    if (this.#options.failOnCalls.includes(this.#calls)) {
      throw createNamedError(ENGINE_ERROR.scripted, `Scripted failure on call ${this.#calls}.`);
    }
    const startedAt = Date.now();
    const pieces = splitIntoPieces(this.#replyFor(messages, settings));
    const isTruncated = pieces.length > settings.maxTokens;
    const streamed = await this.#stream(pieces.slice(0, settings.maxTokens), onToken, signal);
    const elapsedMs = Math.max(1, Date.now() - startedAt);
    const finishReason = streamed.isAborted ? 'abort' : isTruncated ? 'length' : 'stop';
    return {
      text: streamed.text,
      usage: scriptedUsage(messages, streamed.count, elapsedMs),
      finishReason,
      elapsedMs,
    };
  }

  async #stream(
    pieces: string[],
    onToken: ((delta: string) => void) | undefined,
    signal: AbortSignal | undefined,
  ): Promise<{ text: string; count: number; isAborted: boolean }> {
    let text = '';
    let count = 0;
    for (const piece of pieces) {
      if (signal?.aborted) return { text, count, isAborted: true };
      text += piece;
      count += 1;
      onToken?.(piece);
      if (this.#options.tokenDelayMs > 0) await sleep(this.#options.tokenDelayMs, signal);
    }
    return { text, count, isAborted: signal?.aborted === true && count < pieces.length };
  }

  #replyFor(messages: ChatMessage[], settings: GenerationSettings): string {
    const { script } = this.#options;
    const scripted = typeof script === 'function' ? script(messages) : matchRules(script, messages);
    if (scripted !== undefined) return scripted;
    if (settings.jsonSchema !== undefined)
      return JSON.stringify(exampleFromSchema(settings.jsonSchema));
    return defaultReply(messages);
  }
}

function matchRules(rules: readonly ScriptRule[], messages: ChatMessage[]): string | undefined {
  const user = lastOf(messages, 'user');
  const system = lastOf(messages, 'system');
  for (const rule of rules) {
    if (rule.user !== undefined && !matches(rule.user, user)) continue;
    if (rule.system !== undefined && !matches(rule.system, system)) continue;
    return typeof rule.reply === 'function' ? rule.reply(messages) : rule.reply;
  }
  return undefined;
}

function matches(pattern: string | RegExp, text: string): boolean {
  return typeof pattern === 'string'
    ? text.toLowerCase().includes(pattern.toLowerCase())
    : pattern.test(text);
}

function lastOf(messages: ChatMessage[], role: ChatMessage['role']): string {
  return [...messages].reverse().find((message) => message.role === role)?.content ?? '';
}

/**
 * The reply when no rule matches: names a stable hash of the whole conversation and echoes the
 * question, so tests can tell prompts apart without writing a script.
 */
export function defaultReply(messages: ChatMessage[]): string {
  const question = lastOf(messages, 'user').replace(/\s+/g, ' ').trim();
  const shown = question.length > 60 ? `${question.slice(0, 57)}...` : question;
  return `Scripted answer ${hashMessages(messages)} to: ${shown}`;
}

/** A stable hash of roles and contents, as 8 hex digits. */
function hashMessages(messages: ChatMessage[]): string {
  return hashString(messages.map((m) => `${m.role}:${m.content}\n`).join(''))
    .toString(16)
    .padStart(8, '0');
}

/** Splits into words that keep their following whitespace, so pieces join back exactly. */
export function splitIntoPieces(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

function scriptedUsage(
  messages: ChatMessage[],
  completionTokens: number,
  elapsedMs: number,
): Usage {
  const promptTokens = messages.reduce(
    (sum, message) => sum + splitIntoPieces(message.content).length,
    0,
  );
  const seconds = elapsedMs / 1000;
  return {
    promptTokens,
    completionTokens,
    prefillTokensPerSecond: Math.max(1, Math.round(promptTokens / seconds)),
    decodeTokensPerSecond: Math.max(1, Math.round(completionTokens / seconds)),
  };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Reads scripted-engine options from JSON (used by e2e tests through localStorage, see
 * engineFactory.ts): `{"rules":[{"user":"capital of France","reply":"Paris."}],
 * "tokenDelayMs":5,"failOnCalls":[2]}`. A `user`/`system` written as "/pattern/flags" is a regex.
 * Throws a specific error naming the bad field.
 */
export function scriptedOptionsFromJson(
  text: string,
  source = 'scripted engine config',
): ScriptedEngineOptions {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source}: not valid JSON (${String(error)}).`);
  }
  const config = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<
    string,
    unknown
  >;
  const options: ScriptedEngineOptions = {};
  if (config.rules !== undefined) options.script = parseRules(config.rules, source);
  if (typeof config.tokenDelayMs === 'number') options.tokenDelayMs = config.tokenDelayMs;
  if (typeof config.loadStepDelayMs === 'number') options.loadStepDelayMs = config.loadStepDelayMs;
  if (Array.isArray(config.failOnCalls)) options.failOnCalls = config.failOnCalls.filter(isNumber);
  return options;
}

function parseRules(rules: unknown, source: string): ScriptRule[] {
  if (!Array.isArray(rules)) throw new Error(`${source}: "rules" should be an array.`);
  return rules.map((rule: unknown, index) => {
    const fields = (rule ?? {}) as Record<string, unknown>;
    if (typeof fields.reply !== 'string')
      throw new Error(`${source}: rules[${index}].reply should be a string.`);
    const parsedRule: ScriptRule = { reply: fields.reply };
    if (typeof fields.user === 'string') parsedRule.user = toPattern(fields.user);
    if (typeof fields.system === 'string') parsedRule.system = toPattern(fields.system);
    return parsedRule;
  });
}

function toPattern(text: string): string | RegExp {
  const regex = /^\/(.+)\/([gimsuy]*)$/.exec(text);
  return regex === null ? text : new RegExp(regex[1] ?? '', regex[2]);
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
