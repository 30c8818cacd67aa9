/**
 * Plain-words descriptions for the Models view: catalog rows, cache and storage figures, and
 * model load failures.
 *
 * Owns: pure formatting and classification. Invariants: never shows NaN (unknown figures say
 * "unknown"); every load failure keeps the engine's own message and adds what to do.
 */
import type { CatalogEntry, RunnableVerdict } from './catalog';
import type { StorageEstimate } from './cache';
import { formatBytes } from '../core/units';

export type CacheLabel = 'cached' | 'not cached' | 'checking…' | 'unknown';

export interface CatalogRow {
  entry: CatalogEntry;
  verdict: RunnableVerdict;
  cache: CacheLabel;
  /** "about 350 MB" or "unknown size". */
  downloadLabel: string;
  gpuMemoryLabel: string;
}

/** Cache label of one model from a status map (null map = not asked yet). */
export function cacheLabelOf(
  cached: Readonly<Record<string, boolean>> | null,
  modelId: string,
  isChecking: boolean,
): CacheLabel {
  const value = cached?.[modelId];
  if (value === true) return 'cached';
  if (value === false) return 'not cached';
  return isChecking ? 'checking…' : 'unknown';
}

/** Rows of the catalog table, in catalog order. */
export function buildCatalogRows(
  entries: readonly CatalogEntry[],
  verdictOf: (entry: CatalogEntry) => RunnableVerdict,
  cached: Readonly<Record<string, boolean>> | null,
  isChecking: boolean,
): CatalogRow[] {
  return entries.map((entry) => ({
    entry,
    verdict: verdictOf(entry),
    cache: cacheLabelOf(cached, entry.id, isChecking),
    downloadLabel:
      entry.approxDownloadBytes === null
        ? 'unknown size'
        : `about ${formatBytes(entry.approxDownloadBytes)}`,
    gpuMemoryLabel: formatMegabytes(entry.vramRequiredMB),
  }));
}

/** "1,234 MB", or "unknown". */
export function formatMegabytes(mb: number | null | undefined): string {
  if (typeof mb !== 'number' || !Number.isFinite(mb)) return 'unknown';
  return `${Math.round(mb).toLocaleString('en-US')} MB`;
}

export interface StorageSummary {
  /** "1.2 GB of 10.0 GB used (12%)" or an explanation when unknown. */
  text: string;
  /** 0..1 for the bar; null when the quota is unknown. */
  fraction: number | null;
  persistedText: string;
}

/** Summary of `estimateStorage()`; null estimate = the browser has no Storage API. */
export function describeStorage(estimate: StorageEstimate | null): StorageSummary {
  if (estimate === null) {
    return {
      text: 'This browser does not report storage use.',
      fraction: null,
      persistedText: 'Unknown whether the browser keeps this site’s data under storage pressure.',
    };
  }
  const hasQuota = estimate.quotaBytes > 0;
  const fraction = hasQuota ? Math.min(1, Math.max(0, estimate.usedFraction)) : null;
  const percent = fraction === null ? '' : ` (${Math.round(fraction * 100)}%)`;
  return {
    text: hasQuota
      ? `${formatBytes(estimate.usageBytes)} of ${formatBytes(estimate.quotaBytes)} used${percent}.`
      : `${formatBytes(estimate.usageBytes)} used; the browser did not say how much is available.`,
    fraction,
    persistedText: estimate.isPersisted
      ? 'Persistent: the browser will not evict downloaded models to free space.'
      : 'Not persistent: the browser may evict downloaded models when space runs low.',
  };
}

/** The answer to "Keep my models". */
export function describePersistResult(isGranted: boolean): string {
  return isGranted
    ? 'The browser agreed to keep this site’s data: models stay until you delete them.'
    : 'The browser declined (or does not support) persistent storage. Models stay cached but may be ' +
        'evicted when the disk is nearly full; bookmarking the site or installing it can help.';
}

const LIBRARY_FAILURE = /WebAssembly|CompileError|LinkError|magic word|\.wasm\b/i;

/**
 * A load failure in plain words. A model library that cannot be instantiated (a placeholder or
 * a library built for another web-llm version) gets its own explanation; other messages from the
 * engine state are already specific and pass through unchanged.
 */
export function describeModelLoadError(message: string, modelId: string | null): string {
  if (!LIBRARY_FAILURE.test(message)) return message;
  return (
    `The model library (.wasm) of ${modelId ?? 'the model'} could not be instantiated, so the ` +
    'model cannot run. Use the library mlc_llm compiled for this architecture and quantization ' +
    `(or the prebuilt one of the same base model). Browser said: ${message}`
  );
}
