/**
 * Shareable design links: a design as a versioned, URL-safe base64 fragment.
 *
 * Owns: `#design=<version>.<base64url(UTF-8 JSON)>`. Invariants: encoding then decoding gives an
 * equal design; a link from a future version, a damaged payload or a design that fails
 * validation is rejected with a `DesignError` that says which of these happened — never a
 * half-read design.
 */
import type { ExperimentDesign } from './design';
import { DesignError, validateDesign } from './design';

export const FRAGMENT_PREFIX = 'design=';
export const FRAGMENT_VERSION = 'v1';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function bytesToBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const triple = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET.charAt((triple >> 18) & 63) + ALPHABET.charAt((triple >> 12) & 63);
    // Unpadded: a missing byte simply produces no character (the decoder knows the lengths).
    if (b !== undefined) out += ALPHABET.charAt((triple >> 6) & 63);
    if (c !== undefined) out += ALPHABET.charAt(triple & 63);
  }
  return out;
}

function base64UrlToBytes(text: string): Uint8Array {
  if (text.length % 4 === 1) throw new DesignError('The design link is cut short (bad length).');
  const values = [...text].map((ch, i) => {
    const value = ALPHABET.indexOf(ch);
    if (value < 0) {
      throw new DesignError(`The design link has an invalid character '${ch}' at position ${i}.`);
    }
    return value;
  });
  const bytes: number[] = [];
  for (let i = 0; i < values.length; i += 4) {
    const chunk = values.slice(i, i + 4);
    const bits = chunk.reduce((acc, v, k) => acc | (v << (18 - 6 * k)), 0);
    bytes.push((bits >> 16) & 255);
    if (chunk.length > 2) bytes.push((bits >> 8) & 255);
    if (chunk.length > 3) bytes.push(bits & 255);
  }
  return Uint8Array.from(bytes);
}

/**
 * Encodes a design as a URL fragment (without the leading '#').
 * @example location.hash = encodeDesignToFragment(design)
 */
export function encodeDesignToFragment(design: ExperimentDesign): string {
  const bytes = new TextEncoder().encode(JSON.stringify(design));
  return `${FRAGMENT_PREFIX}${FRAGMENT_VERSION}.${bytesToBase64Url(bytes)}`;
}

function parsePayload(payload: string): unknown {
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(base64UrlToBytes(payload));
  } catch (error) {
    if (error instanceof DesignError) throw error;
    throw new DesignError('The design link is damaged: its bytes are not valid UTF-8 text.');
  }
  try {
    return JSON.parse(json);
  } catch {
    throw new DesignError('The design link is damaged: its content is not valid JSON.');
  }
}

/**
 * Reads a design from a URL fragment made by `encodeDesignToFragment`.
 * Accepts the hash with or without '#'.
 * @throws DesignError naming the problem: not a design link, unknown version, damaged
 *   payload, or a design that fails validation (with `problems`).
 */
export function decodeDesignFromFragment(hash: string): ExperimentDesign {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!fragment.startsWith(FRAGMENT_PREFIX)) {
    throw new DesignError(`This link holds no design (expected '#${FRAGMENT_PREFIX}…').`);
  }
  const body = fragment.slice(FRAGMENT_PREFIX.length);
  const dot = body.indexOf('.');
  const version = dot < 0 ? '' : body.slice(0, dot);
  if (version !== FRAGMENT_VERSION) {
    throw new DesignError(
      `The design link has version '${version}', but this app reads '${FRAGMENT_VERSION}': update the app or ask for a new link.`,
    );
  }
  const value = parsePayload(body.slice(dot + 1));
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new DesignError('The design link is damaged: it does not hold a design object.');
  }
  const design = value as ExperimentDesign;
  const problems = validateDesign(design);
  if (problems.length > 0) {
    throw new DesignError(`The linked design is not valid: ${problems.join('; ')}`, problems);
  }
  return design;
}
