/**
 * Input/output for CLI commands, injected so tests can capture output without spawning processes.
 *
 * Owns: reading files as strict UTF-8 and making printed text safe for a terminal (`safeIo`):
 * text from files is untrusted, and an escape sequence in a model name could retitle the
 * terminal, hide lines or worse.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { ImportError } from '../core/questions/importResult';
import { decodeUtf8 } from '../core/questions/utf8';
import type { AnalysisTable } from '../core/stats/analysisRows';
import { InputError } from './args';
import { readInTwoThreads } from './parallelRead';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Streams a file as text chunks; throws InputError naming the file when it cannot be read. */
  readChunks(path: string): AsyncIterable<string>;
  /**
   * A results table read in two threads (parallelRead.ts); null when that does not apply and
   * the caller should read the text. Absent where there are no threads to use (tests, tsx).
   */
  readResultsInTwoThreads?(path: string): Promise<AnalysisTable | null>;
  /** Reads a whole file as text. */
  readText(path: string): Promise<string>;
}

function assertReadable(path: string): void {
  if (!existsSync(path)) throw new InputError(`${path}: no such file`);
  if (statSync(path).isDirectory())
    throw new InputError(`${path}: is a directory, expected a file`);
}

/**
 * Real process I/O. Text is decoded as strict UTF-8 so invalid bytes are reported, not guessed.
 * With `workerEntry` (the CLI bundle's own file) big results files are read in two threads.
 */
export function createNodeIo(options: { workerEntry?: URL } = {}): CliIo {
  const { workerEntry } = options;
  return {
    stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    readChunks: async function* (path) {
      assertReadable(path);
      const decoder = new TextDecoder('utf-8', { fatal: true });
      let offset = 0;
      for await (const buffer of createReadStream(path)) {
        const bytes = buffer as Buffer;
        try {
          yield decoder.decode(bytes, { stream: true });
        } catch {
          throw new InputError(`${path}: invalid UTF-8 near byte ${offset}`);
        }
        offset += bytes.length;
      }
      try {
        yield decoder.decode();
      } catch {
        throw new InputError(`${path}: invalid UTF-8 at the end of the file`);
      }
    },
    ...(workerEntry && {
      readResultsInTwoThreads: async (path: string) => {
        assertReadable(path);
        return readInTwoThreads(workerEntry, path);
      },
    }),
    // One read and one decode: streaming a 55 MB results file cost several times as much.
    readText: async (path) => {
      assertReadable(path);
      const bytes = await readFile(path);
      try {
        return decodeUtf8(bytes, path);
      } catch (error) {
        if (error instanceof ImportError) throw new InputError(error.message);
        throw error;
      }
    },
  };
}

// C0 controls except tab and newline, DEL and C1 controls (U+0080–U+009F, e.g. the one-byte CSI).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Removes control characters (keeping tab and newline), so text cannot drive a terminal. */
export function stripControlCharacters(text: string): string {
  return text.replace(CONTROL, '');
}

/**
 * JSON output keeps every character: JSON.stringify already escapes C0 controls, and the rest
 * (DEL, C1) become \uXXXX escapes, which decode to the same string but print as plain text.
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The io with stdout and stderr made terminal-safe (escaped for JSON output, else stripped). */
export function safeIo(io: CliIo, options: { isJson: boolean }): CliIo {
  const clean = options.isJson ? escapeControlCharacters : stripControlCharacters;
  return {
    stdout: (text) => io.stdout(clean(text)),
    // Messages on stderr are for people even with --json: always stripped.
    stderr: (text) => io.stderr(stripControlCharacters(text)),
    readChunks: (path) => io.readChunks(path),
    readText: (path) => io.readText(path),
    ...(io.readResultsInTwoThreads && { readResultsInTwoThreads: io.readResultsInTwoThreads }),
  };
}

/** The version in package.json (the CLI runs from the source tree). */
export function readVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return `warmth-lab ${(JSON.parse(text) as { version: string }).version}`;
}
