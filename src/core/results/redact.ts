/**
 * Removes credentials from anything that leaves the device (bundles, pooled exports).
 *
 * Owns: which field names count as secrets. Invariants: applied to arms, designs and runs
 * (where endpoint settings could hide); never applied to records or items, whose fields are
 * fixed by types.ts, nor to human labels, whose `key` is an identifier, not a credential.
 * Input objects are never modified.
 */

/** Field names (lower case, letters and digits only) that always hold credentials. */
const SECRET_NAMES = new Set([
  'apikey',
  'key',
  'authorization',
  'auth',
  'token',
  'secret',
  'password',
  'bearer',
  'credentials',
  'cookie',
]);
const SECRET_SUFFIXES = ['apikey', 'secret', 'password', 'accesstoken', 'authtoken', 'bearertoken'];

/** True when a field of this name would hold a credential (e.g. `apiKey`, `x-api-key`). */
export function isSecretFieldName(name: string): boolean {
  const plain = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return SECRET_NAMES.has(plain) || SECRET_SUFFIXES.some((suffix) => plain.endsWith(suffix));
}

/** A string that is itself a credential header value, wherever it appears. */
function isSecretValue(value: unknown): boolean {
  return typeof value === 'string' && /^\s*bearer\s+\S/i.test(value);
}

/**
 * A deep copy of plain JSON-like data without credential fields or bearer-token strings.
 * Non-plain values (numbers, booleans, null) are returned as they are.
 */
export function redactSecrets<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.filter((entry) => !isSecretValue(entry)).map((entry) => redactSecrets(entry)) as T;
  }
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(value as Record<string, unknown>)) {
    if (isSecretFieldName(name) || isSecretValue(entry)) continue;
    copy[name] = redactSecrets(entry);
  }
  return copy as T;
}
