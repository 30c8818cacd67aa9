/**
 * Remote OpenAI-compatible endpoints as models: validation of the endpoint form, the
 * `endpoint:<name>` model ids arms use, and whether this page's Content-Security-Policy lets the
 * browser reach a host at all.
 *
 * Owns: pure rules only (the runes state lives in modelsEndpointsState.svelte.ts). Invariants:
 * names are unique and non-empty; base URLs are http(s) without query or fragment, stored
 * without trailing slashes; the API key is kept as typed (trimmed) and never validated remotely.
 */
import type { EndpointConfig } from '../core/records';
import { ENDPOINT_HOSTS } from '../build/csp';

export const ENDPOINT_MODEL_PREFIX = 'endpoint:';

export type EndpointField = 'name' | 'baseUrl' | 'model';

export interface EndpointDraft {
  name: string;
  baseUrl: string;
  model: string;
  apiKey: string;
}

export type EndpointValidation =
  | { isValid: true; endpoint: EndpointConfig }
  | { isValid: false; errors: Partial<Record<EndpointField, string>> };

/** The model id arms use for an endpoint, e.g. "endpoint:ollama". */
export function endpointModelId(name: string): string {
  return `${ENDPOINT_MODEL_PREFIX}${name}`;
}

/** The endpoint name inside an `endpoint:<name>` model id, or null for other ids. */
export function endpointNameFromModelId(modelId: string): string | null {
  return modelId.startsWith(ENDPOINT_MODEL_PREFIX)
    ? modelId.slice(ENDPOINT_MODEL_PREFIX.length) || null
    : null;
}

export function emptyEndpointDraft(): EndpointDraft {
  return { name: '', baseUrl: 'http://localhost:11434/v1', model: '', apiKey: '' };
}

export function draftFromEndpoint(endpoint: EndpointConfig): EndpointDraft {
  return { ...endpoint, apiKey: endpoint.apiKey ?? '' };
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,47}$/;

/**
 * Checks a form draft. `existing` are the saved endpoints; `editingName` is the endpoint being
 * edited (its own name does not count as taken).
 */
export function validateEndpoint(
  draft: EndpointDraft,
  existing: readonly EndpointConfig[],
  editingName: string | null,
): EndpointValidation {
  const errors: Partial<Record<EndpointField, string>> = {};
  const name = draft.name.trim();
  if (!NAME.test(name)) {
    errors.name =
      'Name: 1–48 letters, digits, spaces, ".", "_" or "-", starting with a letter or digit.';
  } else if (name !== editingName && existing.some((e) => e.name === name)) {
    errors.name = `Name "${name}" is already used by another endpoint.`;
  }
  const baseUrl = draft.baseUrl.trim().replace(/\/+$/, '');
  const urlProblem = checkBaseUrl(baseUrl);
  if (urlProblem !== null) errors.baseUrl = urlProblem;
  const model = draft.model.trim();
  if (model === '') errors.model = 'Model: the name the server knows it by, e.g. "llama3.2:1b".';
  if (Object.keys(errors).length > 0) return { isValid: false, errors };
  const endpoint: EndpointConfig = { name, baseUrl, model };
  const apiKey = draft.apiKey.trim();
  if (apiKey !== '') endpoint.apiKey = apiKey;
  return { isValid: true, endpoint };
}

function checkBaseUrl(baseUrl: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(baseUrl);
  } catch {
    return `Base URL "${baseUrl}" is not a URL; expected e.g. http://localhost:11434/v1.`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return `Base URL must start with http:// or https:// (got ${parsed.protocol}).`;
  }
  if (parsed.search !== '' || parsed.hash !== '') return 'Base URL must not contain "?" or "#".';
  return null;
}

/**
 * Whether `connect-src` of this app's policy allows `baseUrl`. Patterns are
 * `scheme://host[:port|:*]` as in `src/build/csp.ts`; anything unparsable counts as blocked.
 */
export function isHostAllowedByPolicy(
  baseUrl: string,
  allowed: readonly string[] = ENDPOINT_HOSTS,
): boolean {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return false;
  }
  return allowed.some((pattern) => matchesSource(url, pattern));
}

function matchesSource(url: URL, pattern: string): boolean {
  const match = /^(https?):\/\/([^/:]+)(?::(\*|\d+))?$/.exec(pattern);
  if (match === null) return false;
  const [, scheme, host = '', port] = match;
  // CSP host wildcards: "*.hf.co" matches any subdomain of hf.co, not hf.co itself.
  const isHostMatch = host.startsWith('*.')
    ? url.hostname.endsWith(host.slice(1))
    : url.hostname === host;
  if (url.protocol !== `${scheme}:` || !isHostMatch) return false;
  if (port === '*') return true;
  const defaultPort = scheme === 'https' ? '443' : '80';
  return (url.port || defaultPort) === (port ?? defaultPort);
}

/** The hosts the policy allows, for the explanation next to the form. */
export function describeAllowedHosts(allowed: readonly string[] = ENDPOINT_HOSTS): string {
  return allowed.join(', ');
}
