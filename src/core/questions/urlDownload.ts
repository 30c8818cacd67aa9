/**
 * "Import from URL": turning what the user pasted into a fetchable address, downloading it with
 * progress and cancel, and explaining failures in words a user can act on.
 *
 * Owns: GitHub page → raw URL rewriting, the check against the app's Content-Security-Policy
 * (`connect-src`), and the download itself. Invariants: a failure message always names the URL
 * and says what to do next (a host the policy blocks, a server without CORS, an HTTP status);
 * the downloaded bytes are handed on as a `File` so URL and file imports share one path.
 */
import { ENDPOINT_HOSTS, MODEL_HOSTS } from '../../build/csp';
import { ImportCancelledError, readByteStream } from './fileStream';
import type { StreamOptions } from './fileStream';

/** Hosts the built app may fetch from (its CSP connect-src, besides its own origin). */
export const ALLOWED_HOSTS: readonly string[] = [...MODEL_HOSTS, ...ENDPOINT_HOSTS];

const GITHUB_BLOB = /^https:\/\/github\.com\/([^/]+)\/([^/]+)\/(?:blob|raw)\/(.+)$/;

/**
 * Parses a pasted address; a github.com file page becomes its raw.githubusercontent.com URL.
 * @throws Error naming what was expected when the text is not an http(s) URL.
 */
export function toFetchUrl(text: string): URL {
  const trimmed = text.trim();
  const github = GITHUB_BLOB.exec(trimmed);
  const rewritten = github
    ? `https://raw.githubusercontent.com/${github[1]}/${github[2]}/${github[3]}`
    : trimmed;
  let url: URL;
  try {
    url = new URL(rewritten);
  } catch {
    throw new Error(`"${trimmed}" is not a URL; expected e.g. https://raw.githubusercontent.com/…`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`"${trimmed}" is not an http(s) URL; expected https://…`);
  }
  return url;
}

/** The file name at the end of a URL's path (decoded), or "download" when there is none. */
export function fileNameFromUrl(url: URL): string {
  const last = url.pathname.split('/').filter(Boolean).pop() ?? '';
  try {
    return decodeURIComponent(last) || 'download';
  } catch {
    return last || 'download';
  }
}

function matchesHost(pattern: string, url: URL): boolean {
  const match = /^(https?:)\/\/(\*\.)?([^:/]+)(?::(\*|\d+))?$/.exec(pattern);
  if (!match || match[1] !== url.protocol) return false;
  const [, , wildcard, host, port] = match;
  const isHostOk = wildcard ? url.hostname.endsWith(`.${host}`) : url.hostname === host;
  const isPortOk = port === '*' || (port ?? '') === url.port;
  return isHostOk && isPortOk;
}

/** Whether the app's Content-Security-Policy lets it fetch `url` from a page at `pageOrigin`. */
export function isAllowedByPolicy(url: URL, pageOrigin: string): boolean {
  return url.origin === pageOrigin || ALLOWED_HOSTS.some((pattern) => matchesHost(pattern, url));
}

/** A user-facing explanation of a failed download. */
export function explainFetchFailure(url: URL, error: unknown, pageOrigin: string): string {
  if (error instanceof ImportCancelledError) return error.message;
  const why = error instanceof Error ? error.message : String(error);
  if (!isAllowedByPolicy(url, pageOrigin)) {
    return (
      `Could not download ${url.href}: Warmth Lab's security policy only lets it fetch from ` +
      `raw.githubusercontent.com, huggingface.co and localhost. Download the file and use ` +
      `"Choose a file" instead.`
    );
  }
  return (
    `Could not download ${url.href} (${why}). The server may not allow cross-origin requests ` +
    `(CORS), or the network is down. Use a raw file link (raw.githubusercontent.com), or ` +
    `download the file and use "Choose a file".`
  );
}

/**
 * Downloads `url` into a `File` named after its path, with progress (total from
 * Content-Length, or 0 when unknown) and cancel.
 * @throws Error with an explanation from `explainFetchFailure`, or for an HTTP error status.
 */
export async function downloadAsFile(
  url: URL,
  options: StreamOptions & { fetch?: typeof fetch; pageOrigin?: string } = {},
): Promise<File> {
  const fetchImpl = options.fetch ?? fetch;
  const pageOrigin = options.pageOrigin ?? globalThis.location?.origin ?? '';
  let response: Response;
  try {
    response = await fetchImpl(url.href, { signal: options.signal });
  } catch (error) {
    if (options.signal?.aborted) throw new ImportCancelledError();
    throw new Error(explainFetchFailure(url, error, pageOrigin), { cause: error });
  }
  if (!response.ok || !response.body) {
    throw new Error(
      `Could not download ${url.href}: the server answered HTTP ${response.status} ${response.statusText}`.trim(),
    );
  }
  if ((response.headers.get('content-type') ?? '').includes('text/html')) {
    throw new Error(
      `Could not import ${url.href}: the server sent a web page, not a data file; use the raw file link (on GitHub: the "Raw" button)`,
    );
  }
  const total = Number(response.headers.get('content-length') ?? 0) || 0;
  const parts: Uint8Array[] = [];
  for await (const chunk of readByteStream(response.body, total, options)) parts.push(chunk);
  return new File(parts as BlobPart[], fileNameFromUrl(url));
}
