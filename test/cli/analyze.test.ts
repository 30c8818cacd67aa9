import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/cli/args';
import type { CliIo } from '../../src/cli/io';
import { runCli } from '../../src/cli/main';

const REFERENCE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../shared/fixtures/stats-reference',
);
const HAS_REFERENCE = existsSync(path.join(REFERENCE, 'synthetic-long.csv'));

const HEADER = 'model,dataset,variant,item_id,amendment_type,prompt_type,output,evaluation';

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `analyze` with in-memory files (name → text), or real files when a name is absent. */
async function analyze(files: Record<string, string>, ...argv: string[]): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readChunks: async function* (name) {
      const text = files[name] ?? (existsSync(name) ? readFileSync(name, 'utf8') : undefined);
      if (text === undefined) throw new InputError(`${name}: no such file`);
      // several chunks, split mid-record, as a stream would deliver them
      for (let i = 0; i < text.length; i += 4096) yield text.slice(i, i + 4096);
    },
    readText: () => Promise.reject(new Error('analyze streams its input')),
  };
  const code = await runCli(['analyze', ...argv], io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** A tiny paired table: 12 items, base wrong on 2, warm wrong on 5 (items overlap). */
function smallTable(): string {
  const rows = [HEADER];
  for (let i = 0; i < 12; i++) {
    for (const [variant, wrong] of [
      ['base', i < 2],
      ['warm', i < 5],
    ] as const) {
      rows.push(
        `m1,trivia,${variant},q${i},unmodified,original,out,${wrong ? 'INCORRECT' : 'CORRECT'}`,
      );
    }
  }
  return rows.join('\n');
}

describe('analyze: output', () => {
  it('prints one JSON object in the reference shape with --json', async () => {
    const result = await analyze({ 'small.csv': smallTable() }, 'small.csv', '--json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual([
      'rows_in',
      'refusals_detected',
      'rows_analysed',
      'error_rates',
      'mcnemar',
      'glm',
    ]);
    expect(report.rows_in).toBe(24);
    const [cell] = report.mcnemar as Record<string, unknown>[];
    expect(cell).toMatchObject({ base_only_correct: 3, warm_only_correct: 0, p_value: 0.25 });
    expect(result.stderr).toBe('');
  });

  it('prints a readable summary without --json', async () => {
    const result = await analyze({ 'small.csv': smallTable() }, 'small.csv', '--mode', 'strict');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Analysis of small.csv (mode: strict)');
    expect(result.stdout).toMatch(/m1 +trivia +warm +41\.7%/);
    expect(result.stdout).toContain('Model 1: warmth + task + model');
  });
});

describe('analyze: errors and exit codes', () => {
  it.each([
    [[], 2, /analyze needs a FILE/],
    [['small.csv', '--mode', 'loose'], 2, /--mode must be one of paper, strict/],
    [['small.csv', '--colour=red'], 2, /unknown option --colour/],
    [['missing.csv'], 1, /missing\.csv: no such file/],
    [['bad.csv'], 1, /^analyze: bad\.csv: line 3: variant must be base or warm \(got "hot"\)$/],
    [['empty.csv'], 1, /empty\.csv: no data rows/],
  ])('%j exits %s', async (argv, code, message) => {
    const files = {
      'small.csv': smallTable(),
      'bad.csv': `${HEADER}\nm,trivia,base,q,none,none,x,CORRECT\nm,trivia,hot,q,none,none,x,CORRECT`,
      'empty.csv': HEADER,
    };
    const result = await analyze(files, ...argv);
    expect(result.code).toBe(code);
    expect(result.stderr.split('\n')[0]).toMatch(message);
    expect(result.stdout).toBe('');
  });
});

describe.skipIf(!HAS_REFERENCE)(
  'analyze on the reference table (skipped: ../shared/fixtures not found)',
  () => {
    it('matches expected.json headline numbers and notes the unpaired rows on stderr', async () => {
      const file = path.join(REFERENCE, 'synthetic-long.csv');
      const result = await analyze({}, file, '--json');
      expect(result.code).toBe(0);
      const actual = JSON.parse(result.stdout) as {
        rows_analysed: number;
        glm: {
          model4: { llf: number; ame_finetuned_pp_by_prompt_group: { user_opinion: number } };
        };
      };
      const expected = JSON.parse(
        readFileSync(path.join(REFERENCE, 'expected.json'), 'utf8'),
      ) as typeof actual;
      expect(actual.rows_analysed).toBe(expected.rows_analysed);
      expect(actual.glm.model4.llf).toBeCloseTo(expected.glm.model4.llf, 6);
      expect(actual.glm.model4.ame_finetuned_pp_by_prompt_group.user_opinion).toBeCloseTo(
        expected.glm.model4.ame_finetuned_pp_by_prompt_group.user_opinion,
        8,
      );
      expect(result.stderr).toMatch(/note: \d+ rows had no base\/warm partner/);
    });
  },
);
