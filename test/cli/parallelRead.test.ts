// `analyze` reads big results files in two threads: the worker runs the CLI bundle itself, so the
// test builds the bundle as `npm run build:cli` does (into a temp folder) and checks that the two
// halves, joined, are exactly the table one read of the file gives.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { readInTwoThreads as ReadInTwoThreads } from '../../src/cli/parallelRead';
import { readResultsTable } from '../../src/core/stats/readResultsTable';

const dir = mkdtempSync(path.join(tmpdir(), 'warmth-lab-parallel-'));
const bundle = path.join(dir, 'warmth-lab.mjs');
const FIXTURE = 'test/fixtures/stats-reference/synthetic-long.csv';

let readInTwoThreads: typeof ReadInTwoThreads;

beforeAll(async () => {
  await build({
    entryPoints: ['src/cli/main.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: bundle,
    logLevel: 'warning',
  });
  // Any file is "big" here, so the small fixtures take the two-thread path.
  vi.stubEnv('WARMTH_LAB_PARALLEL_MIN_BYTES', '0');
  ({ readInTwoThreads } = await import('../../src/cli/parallelRead'));
}, 60_000);

describe('readInTwoThreads', () => {
  it('gives the table of one read of the whole file (19,440 rows)', async () => {
    const table = await readInTwoThreads(pathToFileURL(bundle), FIXTURE);
    const whole = readResultsTable(readFileSync(FIXTURE, 'utf8'), FIXTURE).table;
    expect(table?.size).toBe(19_440);
    expect(table).toEqual(whole);
  }, 30_000);

  it('gives the same table for a CRLF file whose second part holds unpaired and skipped rows', async () => {
    const lines = readFileSync(FIXTURE, 'utf8').trimEnd().split('\n');
    // A cold-arm row near the end (skipped, with its line number) and a row left unpaired.
    lines.splice(lines.length - 5, 1, lines[lines.length - 5]!.replace(',warm,', ',cold,'));
    const file = path.join(dir, 'crlf.csv');
    writeFileSync(file, `${lines.join('\r\n')}\r\n`);
    const table = await readInTwoThreads(pathToFileURL(bundle), file);
    const whole = readResultsTable(readFileSync(file, 'utf8'), file).table;
    expect(table?.skipped).toEqual([
      { line: lines.length - 4, reason: 'arm role "cold" is neither base nor warm' },
    ]);
    expect(table).toEqual(whole);
  }, 30_000);

  it('declines (null) when the split falls inside a quoted answer that spans lines', async () => {
    const header = 'model,dataset,variant,item_id,amendment_type,prompt_type,output,evaluation';
    const row = 'm,trivia,base,q1,unmodified,original,"one\n'.concat(
      'line\n'.repeat(400),
      'end",CORRECT',
    );
    const file = path.join(dir, 'multiline.csv');
    writeFileSync(file, `${header}\n${row}\n`);
    await expect(readInTwoThreads(pathToFileURL(bundle), file)).resolves.toBeNull();
  }, 30_000);
});
