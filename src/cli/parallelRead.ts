/**
 * Reading a big results file in two threads for `analyze` (issue 12's speed target: reading
 * was most of the CLI's time, and the machines it runs on have at least two cores).
 *
 * Owns: splitting the file's bytes at a line break near the middle, reading the second half in
 * a worker thread with the header in front, and joining the halves' tables. Invariants: each
 * half goes through core's fast lane (`readRegularResults`) and the join (`concatTables`) gives
 * exactly the table one read of the whole file gives; anything else — a half the fast lane
 * declines (say the split fell inside a quoted answer), a worker that fails, a file too small to
 * gain — returns null, and the caller reads the whole file the one ordinary way, which owns
 * every error message.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { AnalysisTable } from '../core/stats/analysisRows';
import { concatTables } from '../core/stats/concatTables';
import { readRegularResults } from '../core/stats/readRegularResults';
import { decodeUtf8 } from '../core/questions/utf8';

/** Below this size one thread is as fast (a worker costs ~40 ms to start). */
const MIN_PARALLEL_BYTES = Number(process.env.WARMTH_LAB_PARALLEL_MIN_BYTES ?? 8 << 20);
const TASK = 'warmth-lab:read-results-half';
const NEWLINE = 10;
const QUOTE = 34;

interface HalfRequest {
  task: typeof TASK;
  fileName: string;
  bytes: Uint8Array;
}

type HalfReply = { table: AnalysisTable; nextLine: number } | null;

/** Reads one half's bytes (header first) with the fast lane; null when it declines. */
function readHalf(bytes: Uint8Array, fileName: string): HalfReply {
  let text: string;
  try {
    text = decodeUtf8(bytes, fileName);
  } catch {
    return null;
  }
  const read = readRegularResults(text, fileName);
  return read && { table: read.builder.finish(), nextLine: read.nextLine };
}

/** True in a worker started by `readInTwoThreads`; it then answers and exits. */
export function runAsReadWorker(): boolean {
  const request = workerData as HalfRequest | undefined;
  if (isMainThread || request?.task !== TASK) return false;
  parentPort?.postMessage(readHalf(request.bytes, request.fileName));
  return true;
}

/** The second half read in a worker running `entry` (this CLI's own bundle). */
function readSecondHalf(entry: URL, bytes: Uint8Array, fileName: string): Promise<HalfReply> {
  const request: HalfRequest = { task: TASK, fileName, bytes };
  return new Promise((resolve) => {
    const worker = new Worker(entry, { workerData: request, transferList: [bytes.buffer] });
    worker.once('message', (reply: HalfReply) => resolve(reply));
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
}

/**
 * The table of a results file read in two threads, or null when the file is small or a half
 * cannot be read by the fast lane (see the module header).
 */
export async function readInTwoThreads(
  entry: URL,
  bytes: Uint8Array,
  fileName: string,
): Promise<AnalysisTable | null> {
  if (bytes.length < MIN_PARALLEL_BYTES) return null;
  const headerEnd = bytes.indexOf(NEWLINE) + 1;
  const header = bytes.subarray(0, headerEnd);
  const split = bytes.indexOf(NEWLINE, bytes.length >> 1) + 1;
  if (headerEnd === 0 || header.includes(QUOTE) || split <= headerEnd || split >= bytes.length) {
    return null;
  }
  // A fresh buffer holding the header and the second half, handed over without a copy.
  const second = new Uint8Array(header.length + bytes.length - split);
  second.set(header);
  second.set(bytes.subarray(split), header.length);
  const pending = readSecondHalf(entry, second, fileName);
  const first = readHalf(bytes.subarray(0, split), fileName);
  const rest = await pending;
  if (!first || !rest) return null;
  // The second half's line 1 is the header copy; its line 2 is the first's next line.
  return concatTables(first.table, rest.table, first.nextLine - 2);
}
