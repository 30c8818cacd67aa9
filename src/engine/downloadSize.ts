/**
 * The exact weight download size of a model, read lazily from its `tensor-cache.json`.
 *
 * Owns: fetching and validating that manifest. Invariants: one small JSON request per call
 * (the UI should call it on demand, e.g. when a model is selected, and may cache the answer);
 * the result counts weight shards only (tokenizer, config and the .wasm library add a few MB).
 */
import { createNamedError, ENGINE_ERROR } from './errors';
import { normaliseModelBaseUrl } from './modelRecord';

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** The parsed `<model>/resolve/main/tensor-cache.json`. */
export async function fetchTensorManifest(
  modelUrl: string,
  fetchFn: FetchLike = (input, init) => fetch(input, init),
  signal?: AbortSignal,
): Promise<{ url: string; manifest: unknown }> {
  const url = `${normaliseModelBaseUrl(modelUrl)}tensor-cache.json`;
  const response = await fetchFn(url, signal === undefined ? undefined : { signal });
  if (!response.ok) {
    throw createNamedError(ENGINE_ERROR.badResponse, `${url} answered HTTP ${response.status}.`);
  }
  return { url, manifest: (await response.json()) as unknown };
}

/** Sums `records[].nbytes` of `<model>/resolve/main/tensor-cache.json`. */
export async function fetchExactDownloadBytes(
  modelUrl: string,
  fetchFn: FetchLike = (input, init) => fetch(input, init),
  signal?: AbortSignal,
): Promise<number> {
  const { url, manifest } = await fetchTensorManifest(modelUrl, fetchFn, signal);
  return sumTensorCacheBytes(manifest, url);
}

/** Validates a parsed tensor-cache.json and sums its shard sizes. */
export function sumTensorCacheBytes(manifest: unknown, source: string): number {
  const records = (manifest as { records?: unknown } | null)?.records;
  if (!Array.isArray(records)) {
    throw createNamedError(
      ENGINE_ERROR.badResponse,
      `${source}: expected an object with a "records" array.`,
    );
  }
  let total = 0;
  records.forEach((record: unknown, index) => {
    const nbytes = (record as { nbytes?: unknown } | null)?.nbytes;
    if (typeof nbytes !== 'number' || !Number.isFinite(nbytes) || nbytes < 0) {
      throw createNamedError(
        ENGINE_ERROR.badResponse,
        `${source}: records[${index}].nbytes should be a non-negative number.`,
      );
    }
    total += nbytes;
  });
  return total;
}

/**
 * The largest single weight tensor in a parsed tensor-cache.json (`records[].records[].nbytes`),
 * 0 when the manifest lists none. Each tensor is bound whole as one storage buffer, so it must
 * fit the device's `maxStorageBufferBindingSize` (web-llm settles for 128 MiB on small devices).
 */
export function largestTensorBytes(manifest: unknown): number {
  const shards = (manifest as { records?: unknown } | null)?.records;
  if (!Array.isArray(shards)) return 0;
  let largest = 0;
  for (const shard of shards) {
    const tensors = (shard as { records?: unknown } | null)?.records;
    if (!Array.isArray(tensors)) continue;
    for (const tensor of tensors) {
      const nbytes = (tensor as { nbytes?: unknown } | null)?.nbytes;
      if (typeof nbytes === 'number' && Number.isFinite(nbytes))
        largest = Math.max(largest, nbytes);
    }
  }
  return largest;
}
