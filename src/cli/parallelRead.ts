/**
 * Reading a big results file in two threads for `analyze` (issue 12's speed target: reading
 * was most of the CLI's time, and the machines it runs on have at least two cores).
 *
 * Owns: splitting the file at a line break, reading the tail in a worker thread (which reads its
 * own bytes, with the header in front, so its start-up overlaps the main thread's reading) and
 * joining the two tables. The main thread takes the larger share because the worker starts
 * ~100 ms later (a new isolate loading the bundle). Invariants: each
 * half goes through core's fast lane (`readRegularResults`) and the join (`concatTables`) gives
 * exactly the table one read of the whole file gives; anything else — a half the fast lane
 * declines (say the split fell inside a quoted answer), a worker that fails, a file too small to
 * gain — returns null, and the caller reads the whole file the one ordinary way, which owns
 * every error message.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { AnalysisTable } from '../core/stats/analysisRows';
import { concatTables } from '../core/stats/concatTables';
import { readRegularResults } from '../core/stats/readRegularResults';
import { decodeUtf8 } from '../core/questions/utf8';

/** Below this size one thread is as fast (a worker costs ~40 ms to start). */
const MIN_PARALLEL_BYTES = Number(process.env.WARMTH_LAB_PARALLEL_MIN_BYTES ?? 8 << 20);
const TASK = 'warmth-lab:read-results-half';
/** The share of the file the main thread reads (the worker starts later). */
const MAIN_SHARE = 0.6;
/** How far a line break is looked for (a header or a row longer than this: one thread). */
const WINDOW_BYTES = 1 << 16;
const NEWLINE = 10;
const QUOTE = 34;

interface HalfRequest {
  task: typeof TASK;
  path: string;
  /** The file's header line, bytes included its line break. */
  header: Uint8Array;
  /** Where the worker's part starts (just after a line break) and the file's size. */
  start: number;
  size: number;
}

type HalfReply = { table: AnalysisTable; nextLine: number } | null;

/** Reads one part's bytes (header first) with the fast lane; null when it declines. */
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

/** `length` bytes of the file from `position`, after `prefix`. */
function readBytes(
  path: string,
  position: number,
  length: number,
  prefix: Uint8Array = new Uint8Array(0),
): Uint8Array {
  const bytes = new Uint8Array(prefix.length + length);
  bytes.set(prefix);
  const fd = openSync(path, 'r');
  try {
    let done = 0;
    while (done < length) {
      const read = readSync(fd, bytes, prefix.length + done, length - done, position + done);
      if (read === 0) throw new Error(`${path} ended early`);
      done += read;
    }
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/** True in a worker started by `readInTwoThreads`; it then answers and exits. */
export function runAsReadWorker(): boolean {
  const request = workerData as HalfRequest | undefined;
  if (isMainThread || request?.task !== TASK) return false;
  let reply: HalfReply = null;
  try {
    const { path, header, start, size } = request;
    reply = readHalf(readBytes(path, start, size - start, header), path);
  } catch {
    reply = null;
  }
  parentPort?.postMessage(reply);
  return true;
}

/** The tail read in a worker running `entry` (this CLI's own bundle). */
function readTail(entry: URL, request: HalfRequest): Promise<HalfReply> {
  return new Promise((resolve) => {
    const worker = new Worker(entry, { workerData: request });
    worker.once('message', (reply: HalfReply) => resolve(reply));
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
}

/** The index just after the first line break in `bytes` from `offset`, or −1. */
function lineStartIn(bytes: Uint8Array, offset: number): number {
  const at = bytes.indexOf(NEWLINE);
  return at < 0 ? -1 : offset + at + 1;
}

/**
 * The table of a results file read in two threads, or null when the file is small or a part
 * cannot be read by the fast lane (see the module header).
 */
export async function readInTwoThreads(entry: URL, path: string): Promise<AnalysisTable | null> {
  const { size } = statSync(path);
  // One core would run both threads in turn: the worker's start-up would only add time.
  if (size < MIN_PARALLEL_BYTES || availableParallelism() < 2) return null;
  // Line breaks are looked for in the first 64 KB of the header and of the worker's part.
  const head = readBytes(path, 0, Math.min(WINDOW_BYTES, size));
  const headerEnd = lineStartIn(head, 0);
  const middle = Math.floor(size * MAIN_SHARE);
  const start = lineStartIn(readBytes(path, middle, Math.min(WINDOW_BYTES, size - middle)), middle);
  if (headerEnd < 0 || start <= headerEnd || start >= size) return null;
  const header = head.slice(0, headerEnd);
  if (header.includes(QUOTE)) return null;
  const pending = readTail(entry, { task: TASK, path, header, start, size });
  const first = readHalf(readBytes(path, 0, start), path);
  const rest = await pending;
  if (!first || !rest) return null;
  // The tail's line 1 is the header copy; its line 2 is the line after the main part's last.
  return concatTables(first.table, rest.table, first.nextLine - 2);
}
