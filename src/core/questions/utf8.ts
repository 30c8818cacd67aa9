/**
 * Strict UTF-8 decoding of byte chunks (browser File streams, Node buffers).
 *
 * Owns: `decodeUtf8Chunks` and its one-call form `decodeUtf8` (a whole file already in memory,
 * as the CLI reads it: one decode of a 55 MB file is several times cheaper than streaming it).
 * Invariant: invalid bytes are never replaced by U+FFFD; the first bad
 * sequence stops the import with the file name and a byte offset.
 */
import { ImportError } from './importResult';

/** Index where the first invalid sequence of `bytes` starts (its lead byte, if it has one). */
function findInvalidOffset(bytes: Uint8Array): number {
  const fails = (length: number): boolean => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return false;
    } catch {
      return true;
    }
  };
  // Binary search for the shortest failing prefix; failure is monotonic in the prefix length.
  let low = 1;
  let high = bytes.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (fails(mid)) high = mid;
    else low = mid + 1;
  }
  const failing = low - 1;
  return failing - unfinishedTail(bytes.subarray(0, failing)).length;
}

/** The unfinished character (if any) at the end of a chunk: its lead byte onwards. */
function unfinishedTail(bytes: Uint8Array): Uint8Array {
  let start = bytes.length;
  while (start > 0 && bytes.length - start < 3 && ((bytes[start - 1] as number) & 0xc0) === 0x80)
    start--;
  if (start > 0 && ((bytes[start - 1] as number) & 0xc0) === 0xc0) start--;
  return bytes.subarray(start);
}

/**
 * Decodes byte chunks as strict UTF-8, yielding text chunks.
 * @throws ImportError "invalid UTF-8 at byte N" naming `fileName`.
 */
export async function* decodeUtf8Chunks(
  chunks: AsyncIterable<Uint8Array>,
  fileName: string,
): AsyncIterable<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  let tail: Uint8Array = new Uint8Array(0);
  for await (const bytes of chunks) {
    try {
      const text = decoder.decode(bytes, { stream: true });
      if (text !== '') yield text;
    } catch {
      const joined = new Uint8Array(tail.length + bytes.length);
      joined.set(tail);
      joined.set(bytes, tail.length);
      const at = offset - tail.length + findInvalidOffset(joined);
      throw new ImportError(fileName, `invalid UTF-8 at byte ${at} (expected UTF-8 text)`);
    }
    // Keep an unfinished character so a bad sequence straddling chunks is located precisely.
    tail = unfinishedTail(bytes);
    offset += bytes.length;
  }
  try {
    const rest = decoder.decode();
    if (rest !== '') yield rest;
  } catch {
    throw new ImportError(
      fileName,
      `invalid UTF-8 at byte ${offset} (file ends inside a character)`,
    );
  }
}

/**
 * Decodes a whole file's bytes as strict UTF-8 in one call.
 * @throws ImportError naming `fileName` and the byte, as `decodeUtf8Chunks` does.
 */
export function decodeUtf8(bytes: Uint8Array, fileName: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw utf8Error(bytes, fileName);
  }
}

/** Why `bytes` did not decode: a bad sequence, or a character cut off by the file's end. */
function utf8Error(bytes: Uint8Array, fileName: string): ImportError {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
  } catch {
    const at = findInvalidOffset(bytes);
    return new ImportError(fileName, `invalid UTF-8 at byte ${at} (expected UTF-8 text)`);
  }
  return new ImportError(
    fileName,
    `invalid UTF-8 at byte ${bytes.length} (file ends inside a character)`,
  );
}
