/**
 * The offline service worker and the "update available — reload" prompt.
 *
 * Owns: registering sw.js (built app only, via workbox-window, loaded after start-up) and when
 * a waiting new version may take over. Invariants: a new version never takes over on its own
 * (the worker is built with `registerType: 'prompt'`); the prompt is held back, and `reload`
 * refuses, while `isBusy()` says an experiment or comparison is running, so code is never
 * swapped under a run; after the user accepts, the page reloads once the new worker controls it.
 */

/** The part of workbox-window's `Workbox` this state uses (a fake in tests). */
export interface WorkboxLike {
  addEventListener(type: 'waiting' | 'controlling', listener: () => void): void;
  messageSkipWaiting(): void;
  register(): Promise<unknown>;
}

export interface AppUpdateOptions {
  /** True while work runs that a code swap would break (an experiment, a comparison). */
  isBusy: () => boolean;
  /** Whether to register at all: only a built app has sw.js (the dev server would go stale). */
  isEnabled?: boolean;
  createWorkbox?: () => Promise<WorkboxLike>;
  reloadPage?: () => void;
}

async function loadWorkbox(): Promise<WorkboxLike> {
  const { Workbox } = await import('workbox-window');
  return new Workbox('./sw.js');
}

export class AppUpdateState {
  #isWaiting = $state(false);
  #isDismissed = $state(false);
  #problem = $state<string | null>(null);
  readonly #options: Required<AppUpdateOptions>;
  #workbox: WorkboxLike | null = null;

  constructor(options: AppUpdateOptions) {
    this.#options = {
      isEnabled: __IS_BUILT_APP__ && 'serviceWorker' in (globalThis.navigator ?? {}),
      createWorkbox: loadWorkbox,
      reloadPage: () => location.reload(),
      ...options,
    };
  }

  /** A new version is installed and waiting for the user. */
  get isWaiting(): boolean {
    return this.#isWaiting;
  }
  /** Show the prompt: a version waits, the user has not said "later", and nothing is running. */
  get isPromptShown(): boolean {
    return this.#isWaiting && !this.#isDismissed && !this.#options.isBusy();
  }
  /** A version waits but a run is active: the prompt comes back when the run ends. */
  get isDeferred(): boolean {
    return this.#isWaiting && !this.#isDismissed && this.#options.isBusy();
  }
  /** Why offline support is unavailable, or null. */
  get problem(): string | null {
    return this.#problem;
  }

  /** Registers the service worker (once; a no-op outside a built app). */
  async register(): Promise<void> {
    if (!this.#options.isEnabled || this.#workbox) return;
    try {
      const workbox = await this.#options.createWorkbox();
      this.#workbox = workbox;
      workbox.addEventListener('waiting', () => (this.#isWaiting = true));
      await workbox.register();
    } catch (error) {
      this.#problem = `Offline support is unavailable: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  /** Lets the waiting version take over and reloads; refused while a run is active. */
  reload(): boolean {
    const workbox = this.#workbox;
    if (!workbox || !this.#isWaiting || this.#options.isBusy()) return false;
    workbox.addEventListener('controlling', () => this.#options.reloadPage());
    workbox.messageSkipWaiting();
    return true;
  }

  /** "Later": hides the prompt until the next page load (the new version starts then). */
  dismiss(): void {
    this.#isDismissed = true;
  }
}
