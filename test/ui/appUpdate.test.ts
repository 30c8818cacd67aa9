import { describe, expect, it } from 'vitest';
import { AppUpdateState } from '../../src/ui/state/appUpdate.svelte';
import type { WorkboxLike } from '../../src/ui/state/appUpdate.svelte';

/** A workbox-window stand-in that records what the state asked of it. */
function fakeWorkbox() {
  const listeners = new Map<string, (() => void)[]>();
  const calls: string[] = [];
  const workbox: WorkboxLike = {
    addEventListener: (type, listener) =>
      listeners.set(type, [...(listeners.get(type) ?? []), listener]),
    messageSkipWaiting: () => calls.push('skipWaiting'),
    register: async () => calls.push('register'),
  };
  const fire = (type: string) => (listeners.get(type) ?? []).forEach((listener) => listener());
  return { workbox, calls, fire };
}

function setup(busy: { value: boolean }) {
  const fake = fakeWorkbox();
  const reloads: string[] = [];
  const state = new AppUpdateState({
    isBusy: () => busy.value,
    isEnabled: true,
    createWorkbox: async () => fake.workbox,
    reloadPage: () => reloads.push('reload'),
  });
  return { state, fake, reloads };
}

describe('AppUpdateState', () => {
  it('registers once, prompts when a version waits, and reloads only after it takes control', async () => {
    const { state, fake, reloads } = setup({ value: false });
    await state.register();
    await state.register();
    expect(fake.calls).toEqual(['register']);
    expect(state.isPromptShown).toBe(false);
    fake.fire('waiting');
    expect([state.isPromptShown, state.isDeferred]).toEqual([true, false]);
    expect(state.reload()).toBe(true);
    expect(fake.calls).toEqual(['register', 'skipWaiting']);
    expect(reloads).toEqual([]);
    fake.fire('controlling');
    expect(reloads).toEqual(['reload']);
  });

  it('holds the prompt back and refuses to swap code while a run is active', async () => {
    const busy = { value: true };
    const { state, fake } = setup(busy);
    await state.register();
    fake.fire('waiting');
    expect([state.isPromptShown, state.isDeferred]).toEqual([false, true]);
    expect(state.reload()).toBe(false);
    expect(fake.calls).toEqual(['register']);
    busy.value = false;
    expect([state.isPromptShown, state.isDeferred]).toEqual([true, false]);
  });

  it('"Later" hides the prompt; outside a built app nothing is registered', async () => {
    const { state, fake } = setup({ value: false });
    await state.register();
    fake.fire('waiting');
    state.dismiss();
    expect([state.isPromptShown, state.isDeferred]).toEqual([false, false]);
    const off = new AppUpdateState({
      isBusy: () => false,
      isEnabled: false,
      createWorkbox: () => Promise.reject(new Error('must not load')),
    });
    await off.register();
    expect(off.problem).toBeNull();
  });

  it('reports a failed registration instead of throwing', async () => {
    const state = new AppUpdateState({
      isBusy: () => false,
      isEnabled: true,
      createWorkbox: () => Promise.reject(new Error('SecurityError: insecure origin')),
    });
    await state.register();
    expect(state.problem).toBe('Offline support is unavailable: SecurityError: insecure origin');
  });
});
