/**
 * Streaming a question file (a browser `File` or `Blob`) through the core importers.
 *
 * Owns: byte-level reading with progress (bytes done / total, elapsed time), cancellation, the
 * pauses that keep the page responsive, format detection from the file's head, and the ETA.
 * Invariants: memory stays proportional to one chunk for CSV / JSON Lines formats (the core
 * importer decides what it buffers); a cancelled import throws `ImportCancelledError` and
 * returns nothing partial; every fatal problem is the core's `ImportError` naming the file.
 */
import { DETECT_HEAD_CHARS, decodeUtf8Chunks, detectFormat, importChunks } from './index';
import type { ColumnMapping, FormatId, ImportResult } from './index';

/** Work longer than this without a pause would make typing and scrolling stutter. */
const MAX_BUSY_MS = 12;
/**
 * Browsers hand out file chunks of up to 2 MB (Chromium), which take the importer hundreds of
 * milliseconds each; slices this small keep every step of work near one frame.
 */
export const MAX_SLICE_BYTES = 64 * 1024;

export interface ByteProgress {
  bytesDone: number;
  totalBytes: number;
  elapsedMs: number;
}

export interface StreamOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ByteProgress) => void;
  /** Clock for tests; defaults to `performance.now`. */
  now?: () => number;
}

/** Thrown when the user cancels an import or download; nothing was stored. */
export class ImportCancelledError extends Error {
  override name = 'ImportCancelledError';
  constructor() {
    super('Import cancelled; nothing was stored.');
  }
}

/** Remaining time from the rate so far, or null while there is too little to go on. */
export function estimateRemainingMs(progress: ByteProgress): number | null {
  const { bytesDone, totalBytes, elapsedMs } = progress;
  if (bytesDone <= 0 || totalBytes <= 0 || elapsedMs < 200) return null;
  if (bytesDone >= totalBytes) return 0;
  return Math.round((elapsedMs * (totalBytes - bytesDone)) / bytesDone);
}

/** Lets the browser paint and handle input before the next chunk. */
function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Yields a byte stream in slices of at most MAX_SLICE_BYTES, reporting progress after each and
 * pausing whenever a stretch of work has taken longer than a frame. Cancels the stream when
 * `signal` aborts.
 */
export async function* readByteStream(
  stream: ReadableStream<Uint8Array>,
  totalBytes: number,
  options: StreamOptions = {},
): AsyncGenerator<Uint8Array> {
  const now = options.now ?? (() => performance.now());
  const startedAt = now();
  let lastPause = startedAt;
  let bytesDone = 0;
  const reader = stream.getReader();
  try {
    for (;;) {
      if (options.signal?.aborted) throw new ImportCancelledError();
      const { done, value } = await reader.read();
      if (done) return;
      for (let start = 0; start < value.byteLength; start += MAX_SLICE_BYTES) {
        if (options.signal?.aborted) throw new ImportCancelledError();
        const slice = value.subarray(start, start + MAX_SLICE_BYTES);
        bytesDone += slice.byteLength;
        options.onProgress?.({ bytesDone, totalBytes, elapsedMs: now() - startedAt });
        yield slice;
        if (now() - lastPause > MAX_BUSY_MS) {
          await pause();
          lastPause = now();
        }
      }
    }
  } finally {
    // Releases the file handle (or network connection) on cancel, error or early return.
    await reader.cancel().catch(() => undefined);
  }
}

/** The first characters of a file, enough for `detectFormat` (a cut character is harmless). */
export async function readHeadText(blob: Blob): Promise<string> {
  return new TextDecoder().decode(await blob.slice(0, DETECT_HEAD_CHARS).arrayBuffer());
}

/**
 * Detects a file's format from its name and head.
 * @throws ImportError (empty file, documentation, unrecognised JSON…).
 */
export async function detectFileFormat(file: Blob, fileName: string): Promise<FormatId> {
  return detectFormat(fileName, await readHeadText(file));
}

/**
 * Streams a file through the importer for `format` (`file.stream()` → strict UTF-8 →
 * `importChunks`), all-or-nothing.
 * @throws ImportError on any fatal problem; ImportCancelledError when `signal` aborts.
 */
export async function importFile(
  file: Blob,
  fileName: string,
  format: FormatId,
  options: StreamOptions & { mapping?: ColumnMapping } = {},
): Promise<ImportResult> {
  const bytes = readByteStream(file.stream(), file.size, options);
  const result = await importChunks(format, decodeUtf8Chunks(bytes, fileName), {
    fileName,
    mapping: options.mapping,
  });
  if (options.signal?.aborted) throw new ImportCancelledError();
  return result;
}
