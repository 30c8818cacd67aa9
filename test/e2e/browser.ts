/**
 * Launches Debian Chromium through playwright-core (never a downloaded browser).
 * Without /usr/bin/chromium the e2e specs skip locally, but fail under CI=true.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const BASE_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Whether a browser exists; under CI a missing browser is an error, never a skip. */
export function hasBrowser(): boolean {
  const isPresent = existsSync(CHROMIUM_PATH);
  if (!isPresent && process.env.CI === 'true') {
    throw new Error(`CI=true but no Chromium at ${CHROMIUM_PATH}: .ci/run must install it`);
  }
  if (!isPresent) console.warn(`e2e skipped: no Chromium at ${CHROMIUM_PATH}`);
  return isPresent;
}

export async function launchBrowser(options: { isWebGpu: boolean }): Promise<Browser> {
  const args = [...BASE_ARGS];
  if (options.isWebGpu) args.push('--enable-unsafe-webgpu');
  else args.push('--disable-gpu', '--disable-webgpu');
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args });
}
