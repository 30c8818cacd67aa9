/**
 * Input/output for CLI commands, injected so tests can capture output without spawning processes.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { InputError } from './args';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Streams a file as text chunks; throws InputError naming the file when it cannot be read. */
  readChunks(path: string): AsyncIterable<string>;
  /** Reads a whole file as text. */
  readText(path: string): Promise<string>;
}

function assertReadable(path: string): void {
  if (!existsSync(path)) throw new InputError(`${path}: no such file`);
  if (statSync(path).isDirectory())
    throw new InputError(`${path}: is a directory, expected a file`);
}

/** Real process I/O. Text is decoded as strict UTF-8 so invalid bytes are reported, not guessed. */
export function createNodeIo(): CliIo {
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
    readText: async function (path) {
      let text = '';
      for await (const chunk of this.readChunks(path)) text += chunk;
      return text;
    },
  };
}
