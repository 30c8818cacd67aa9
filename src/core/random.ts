/**
 * Deterministic randomness: string hashing and a seeded PRNG.
 *
 * Owns: every "random" choice that must be reproducible — framing variants, sampling of items,
 * derived wrong answers. Invariant: the same inputs give the same outputs on every machine and
 * every JavaScript engine (32-bit integer arithmetic only).
 */

/** FNV-1a 32-bit hash of a string (stable across platforms). */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function createRng(seed: number | string): () => number {
  let state = (typeof seed === 'string' ? hashString(seed) : seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable index in [0, n) chosen by a key: same key, same index. */
export function pickIndex(key: string, n: number): number {
  if (n <= 0) throw new RangeError(`pickIndex needs n > 0 (got ${n})`);
  return hashString(key) % n;
}

/** Fisher–Yates shuffle of a copy, driven by a seeded PRNG. */
export function shuffleSeeded<T>(values: readonly T[], seed: number | string): T[] {
  const rng = createRng(seed);
  const copy = [...values];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
