/**
 * The root of the UI state: creates every shared state object once and hands them out by context.
 *
 * Owns: the current view (mirrored in the URL hash so reload and back work) and the shared
 * instances. Invariant: exactly one AppState per page; components receive it via `getApp()`.
 */
import { createContext } from 'svelte';
// Type only: the view list (and its parser) is handed in by App.svelte, as state never loads views.
import type { ViewId } from '../views/registry';
import { EngineState } from './engine.svelte';
import { GradingState } from './grading.svelte';
import { HistoryState } from './history.svelte';
import { PlaygroundState } from './playground.svelte';
import { StorageState } from './storage.svelte';

export class AppState {
  readonly #viewFromHash: (hash: string) => ViewId;
  #view = $state<ViewId>('playground');
  readonly storage = new StorageState();
  readonly engine = new EngineState();
  readonly history = new HistoryState(this.storage);
  /** The one grading convention every view grades under. */
  readonly grading: GradingState = new GradingState(this);
  readonly playground = new PlaygroundState(() => this.grading.convention);
  // Not reactive on purpose: entries are created once and never replaced.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #views = new Map<string, unknown>();

  /** `viewFromHash` reads the view from a URL hash (views/registry's, given by App.svelte). */
  constructor(viewFromHash: (hash: string) => ViewId) {
    this.#viewFromHash = viewFromHash;
    this.#view = viewFromHash(globalThis.location?.hash ?? '');
  }

  get view(): ViewId {
    return this.#view;
  }

  show(view: ViewId): void {
    this.#view = view;
    if (globalThis.location && this.#viewFromHash(location.hash) !== view) {
      history.replaceState(null, '', `#/${view}`);
    }
  }

  /**
   * The state object of a view, created on first use and kept for the page's lifetime, so a
   * view's state survives switching tabs. Each view module owns its state class.
   */
  use<T>(key: string, create: (app: AppState) => T): T {
    if (!this.#views.has(key)) {
      // Created in a root of its own, not under the component that first asks: the state's
      // $derived values must stay live after that component unmounts (switching tabs), or they
      // go stale — the composer stopped seeing new custom framings after a tab round trip.
      $effect.root(() => {
        this.#views.set(key, create(this));
      });
    }
    return this.#views.get(key) as T;
  }

  /** A view's state if it has been created, else undefined (never creates one). */
  peek<T>(key: string): T | undefined {
    return this.#views.get(key) as T | undefined;
  }

  /** Starts background work that should not delay the first paint. */
  start(): void {
    void this.engine.initialise();
    void this.history.refresh();
    void this.grading.init();
    // Registers saved custom/local models and endpoints with the engine, off the start-up path.
    setTimeout(() => void import('./models.svelte').then((m) => m.getModelsState(this).init()), 0);
    addEventListener('hashchange', () => (this.#view = this.#viewFromHash(location.hash)));
  }
}

export const [getApp, setApp] = createContext<AppState>();
