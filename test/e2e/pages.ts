/**
 * Page helpers shared by the e2e specs: a browser with WebGPU hidden, and raw reads of the
 * app's IndexedDB stores (what is really stored, not what the UI shows).
 */
import type { Browser, Page } from 'playwright-core';

/** Opens a page on which `navigator.gpu` is absent, whatever this Chromium build enables. */
export async function newPageWithoutWebGpu(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'gpu', { get: () => undefined, configurable: true });
  });
  return page;
}

/** Every record of the named stores of the `warmth-lab` database, read inside the page. */
export function readStores(page: Page, names: string[]): Promise<Record<string, unknown[]>> {
  return page.evaluate(async (storeNames) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('warmth-lab');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const getAll = (store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const entries = await Promise.all(storeNames.map(async (n) => [n, await getAll(n)] as const));
    db.close();
    return Object.fromEntries(entries);
  }, names);
}
