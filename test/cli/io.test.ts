import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/cli/args';
import { createNodeIo } from '../../src/cli/io';

const dir = mkdtempSync(path.join(tmpdir(), 'warmth-lab-io-'));

function file(name: string, bytes: number[] | string): string {
  const target = path.join(dir, name);
  writeFileSync(target, typeof bytes === 'string' ? bytes : Buffer.from(bytes));
  return target;
}

describe('createNodeIo().readText reads a file as strict UTF-8 in one go', () => {
  const io = createNodeIo();

  it('returns the text without its byte-order mark', async () => {
    const target = file('bom.csv', [0xef, 0xbb, 0xbf, ...Buffer.from('a,é\n1,2\n')]);
    await expect(io.readText(target)).resolves.toBe('a,é\n1,2\n');
  });

  it('names the byte of an invalid sequence', async () => {
    const target = file('bad.csv', [...Buffer.from('a,b\n'), 0xff, ...Buffer.from(',c\n')]);
    const error = await io.readText(target).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(
      `${target}: invalid UTF-8 at byte 4 (expected UTF-8 text)`,
    );
  });

  it('says when the file ends inside a character', async () => {
    const target = file('cut.csv', [...Buffer.from('a,b\n'), 0xc3]);
    await expect(io.readText(target)).rejects.toThrow(
      `${target}: invalid UTF-8 at byte 5 (file ends inside a character)`,
    );
  });

  it('names a missing file', async () => {
    const target = path.join(dir, 'missing.csv');
    await expect(io.readText(target)).rejects.toThrow(`${target}: no such file`);
  });
});
