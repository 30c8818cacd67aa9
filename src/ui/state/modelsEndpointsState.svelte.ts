/**
 * Remote OpenAI-compatible endpoints: the saved list, the add/edit form, "Test connection" and
 * the engines other views use for `endpoint:<name>` arms.
 *
 * Owns: endpoint persistence through `repos.settings` (`getEndpoints`/`saveEndpoints`; API keys
 * stay on this device and `exportableSettings` strips them) and one test result per endpoint.
 * Invariants: a saved list only changes after a successful write; a connection test never
 * throws (its outcome, good or bad, is shown).
 */
import type { EndpointConfig } from '../../core/records';
import { createEngine } from '../../engine/engineFactory';
import { OpenAiEngine } from '../../engine/openaiEngine';
import type { StorageState } from './storage.svelte';
import type { EndpointDraft, EndpointField } from '../../engine/endpoints';
import { draftFromEndpoint, emptyEndpointDraft, validateEndpoint } from '../../engine/endpoints';

/** The tiny request "Test connection" sends. */
const TEST_PROMPT = 'Reply with the single word: ready';
const TEST_SETTINGS = { temperature: 0, maxTokens: 8 };

export interface ConnectionResult {
  isOk: boolean;
  text: string;
}

export class EndpointsState {
  #endpoints = $state.raw<EndpointConfig[]>([]);
  #draft = $state<EndpointDraft>(emptyEndpointDraft());
  #editingName = $state<string | null>(null);
  #errors = $state.raw<Partial<Record<EndpointField, string>>>({});
  #tests = $state.raw<Record<string, ConnectionResult | 'testing'>>({});
  readonly #storage: StorageState;

  constructor(storage: StorageState) {
    this.#storage = storage;
  }

  get endpoints(): EndpointConfig[] {
    return this.#endpoints;
  }
  get draft(): EndpointDraft {
    return this.#draft;
  }
  get editingName(): string | null {
    return this.#editingName;
  }
  get errors(): Partial<Record<EndpointField, string>> {
    return this.#errors;
  }

  testOf(name: string): ConnectionResult | 'testing' | null {
    return this.#tests[name] ?? null;
  }

  async load(): Promise<void> {
    const stored = await this.#storage.attempt((repos) => repos.settings.getEndpoints());
    if (stored !== undefined) this.#endpoints = stored;
  }

  editDraft(patch: Partial<EndpointDraft>): void {
    this.#draft = { ...this.#draft, ...patch };
  }

  startEdit(name: string): void {
    const endpoint = this.#endpoints.find((e) => e.name === name);
    if (endpoint === undefined) return;
    this.#draft = draftFromEndpoint(endpoint);
    this.#editingName = name;
    this.#errors = {};
  }

  cancelEdit(): void {
    this.#draft = emptyEndpointDraft();
    this.#editingName = null;
    this.#errors = {};
  }

  /** Validates the form and saves it as a new endpoint or over the one being edited. */
  async save(): Promise<void> {
    const checked = validateEndpoint(this.#draft, this.#endpoints, this.#editingName);
    if (!checked.isValid) {
      this.#errors = checked.errors;
      return;
    }
    const others = this.#endpoints.filter((e) => e.name !== this.#editingName);
    if (await this.#write([...others, checked.endpoint])) this.cancelEdit();
  }

  async remove(name: string): Promise<void> {
    await this.#write(this.#endpoints.filter((e) => e.name !== name));
    if (this.#editingName === name) this.cancelEdit();
  }

  /** An engine for a saved endpoint (not yet loaded: call `load(endpoint.model)`), or null. */
  getEngine(name: string): OpenAiEngine | null {
    const endpoint = this.#endpoints.find((e) => e.name === name);
    if (endpoint === undefined) return null;
    return new OpenAiEngine({ baseUrl: endpoint.baseUrl, apiKey: endpoint.apiKey ?? '' });
  }

  /** Lists models on the endpoint, then asks for a few tokens; shows the answer or the error. */
  async test(name: string): Promise<void> {
    const endpoint = this.#endpoints.find((e) => e.name === name);
    if (endpoint === undefined) return;
    this.#tests = { ...this.#tests, [name]: 'testing' };
    let result: ConnectionResult;
    try {
      const engine = await createEngine('openai', {
        baseUrl: endpoint.baseUrl,
        apiKey: endpoint.apiKey ?? '',
      });
      await engine.load(endpoint.model);
      const reply = await engine.generate([{ role: 'user', content: TEST_PROMPT }], TEST_SETTINGS);
      const shown = reply.text.trim().slice(0, 120) || '(an empty reply)';
      result = {
        isOk: true,
        text: `Connected: ${endpoint.model} answered "${shown}" in ${Math.round(reply.elapsedMs)} ms.`,
      };
    } catch (error) {
      const named = error instanceof Error ? error : new Error(String(error));
      result = { isOk: false, text: `${named.name}: ${named.message}` };
    }
    this.#tests = { ...this.#tests, [name]: result };
  }

  async #write(endpoints: EndpointConfig[]): Promise<boolean> {
    const isDone = await this.#storage.attempt(async (repos) => {
      await repos.settings.saveEndpoints(endpoints);
      return true;
    });
    if (isDone === true) this.#endpoints = endpoints;
    return isDone === true;
  }
}
