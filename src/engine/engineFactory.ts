/**
 * The one place that constructs engines, including the test-only scripted engine.
 *
 * Owns: `createEngine(kind, options)`, `isScriptedAvailable()` and the e2e override. The scripted
 * engine is reached only through a dynamic import inside `if (__SCRIPTED_ENGINE__)`, a build-time
 * constant that is true only in `vite build --mode test`, so production bundles drop it.
 *
 * Override (test builds only; ignored in production): the scripted engine replaces the default
 * engine when the page URL has `?engine=scripted` or `localStorage['warmth-lab:engine']` is
 * `'scripted'`. Its script then comes from `localStorage['warmth-lab:scripted']`, JSON as read by
 * `scriptedOptionsFromJson` (rules, tokenDelayMs, failOnCalls); absent → default replies.
 */
import type { Engine, EngineKind } from './engine';
import { OpenAiEngine } from './openaiEngine';
import type { OpenAiEngineOptions } from './openaiEngine';
import type { ScriptedEngineOptions } from './scriptedEngine';
import { getSharedWorkerEngine, WorkerEngine } from './workerEngine';
import type { WorkerEngineOptions } from './workerEngine';

export const ENGINE_OVERRIDE_KEY = 'warmth-lab:engine';
export const SCRIPTED_CONFIG_KEY = 'warmth-lab:scripted';

export interface EngineOptionsByKind {
  /** Omit options to get the page's shared web-llm engine (one worker per page). */
  webllm: WorkerEngineOptions | undefined;
  openai: OpenAiEngineOptions;
  /** Omit options to read them from localStorage (see module header). */
  scripted: ScriptedEngineOptions | undefined;
}

export interface EngineByKind {
  webllm: WorkerEngine;
  openai: OpenAiEngine;
  scripted: Engine;
}

/** True only in builds made with `vite build --mode test` (and the dev server in test mode). */
export function isScriptedAvailable(): boolean {
  return typeof __SCRIPTED_ENGINE__ !== 'undefined' && __SCRIPTED_ENGINE__;
}

/** Creates an engine of `kind`; rejects for 'scripted' outside test builds. */
export async function createEngine<K extends EngineKind>(
  kind: K,
  options?: EngineOptionsByKind[K],
): Promise<EngineByKind[K]> {
  return (await createAny(kind, options)) as EngineByKind[K];
}

async function createAny(kind: EngineKind, options: unknown): Promise<Engine> {
  switch (kind) {
    case 'webllm':
      return options === undefined
        ? getSharedWorkerEngine()
        : new WorkerEngine(options as WorkerEngineOptions);
    case 'openai':
      return new OpenAiEngine(options as OpenAiEngineOptions);
    case 'scripted':
      return createScripted(options as ScriptedEngineOptions | undefined);
    default: {
      const unknown: never = kind;
      throw new Error(`Unknown engine kind "${String(unknown)}".`);
    }
  }
}

async function createScripted(options: ScriptedEngineOptions | undefined): Promise<Engine> {
  if (typeof __SCRIPTED_ENGINE__ !== 'undefined' && __SCRIPTED_ENGINE__) {
    const scripted = await import('./scriptedEngine');
    const resolved = options ?? readStoredScriptedOptions(scripted.scriptedOptionsFromJson);
    return new scripted.ScriptedEngine(resolved);
  }
  throw new Error(
    'Scripted replies exist only in test builds (vite build --mode test); this build has none.',
  );
}

function readStoredScriptedOptions(
  parse: (text: string, source: string) => ScriptedEngineOptions,
): ScriptedEngineOptions {
  const stored = safeStorage()?.getItem(SCRIPTED_CONFIG_KEY) ?? null;
  return stored === null ? {} : parse(stored, `localStorage['${SCRIPTED_CONFIG_KEY}']`);
}

/**
 * 'scripted' when a test build was asked to use the scripted engine (see module header),
 * otherwise null. Arguments default to the page's location and localStorage.
 */
export function getEngineOverride(
  search: string = globalThis.location?.search ?? '',
  storage: Pick<Storage, 'getItem'> | null = safeStorage(),
): 'scripted' | null {
  if (!isScriptedAvailable()) return null;
  const fromUrl = new URLSearchParams(search).get('engine');
  const fromStorage = storage?.getItem(ENGINE_OVERRIDE_KEY) ?? null;
  return fromUrl === 'scripted' || fromStorage === 'scripted' ? 'scripted' : null;
}

function safeStorage(): Pick<Storage, 'getItem'> | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage access can throw in sandboxed frames
  }
}
