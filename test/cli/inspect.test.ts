import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/cli/args';
import type { CliIo } from '../../src/cli/io';
import { runCli } from '../../src/cli/main';
import { FIXTURE_COUNTS } from '../core/questions/fixturePaths';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = path.resolve(REPO, '../shared/fixtures');
const HAS_FIXTURES = existsSync(FIXTURES);

/** A capturing io whose files are either in-memory texts or real fixture files, in small chunks. */
async function inspect(argv: string[], files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readChunks: async function* (file) {
      const text = files[file] ?? (existsSync(file) ? readFileSync(file, 'utf8') : undefined);
      if (text === undefined) throw new InputError(`${file}: no such file`);
      for (let i = 0; i < text.length; i += 4096) yield text.slice(i, i + 4096);
    },
    readText: async (file) => files[file] ?? readFileSync(file, 'utf8'),
  };
  const code = await runCli(['inspect', ...argv], io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const MEDQA_LINE = JSON.stringify({
  question: 'Q?',
  answer: 'b',
  options: { A: 'a', B: 'b' },
  answer_idx: 'B',
});

describe('inspect on in-memory files', () => {
  it('--json prints exactly {format, items, byFamily, skipped}', async () => {
    const result = await inspect(['q.jsonl', '--json'], {
      'q.jsonl': `${MEDQA_LINE}\n${JSON.stringify({ question: 'Q2?', answer: 'z', options: { A: 'a', B: 'b' }, answer_idx: 'A' })}\n`,
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      format: 'medqa-jsonl',
      items: 1,
      byFamily: { factual: 0, misconception: 0, conspiracy: 0, medical: 1 },
      skipped: [{ line: 2, reason: 'answer text differs from option A' }],
    });
  });

  it('prints a human report by default', async () => {
    const result = await inspect(['q.jsonl'], { 'q.jsonl': MEDQA_LINE });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('q.jsonl: medqa-jsonl');
    expect(result.stdout).toContain('  medical: 1');
    expect(result.stdout).toContain('skipped: 0');
  });

  it.each([
    [
      'an empty file',
      { 'e.csv': '' },
      ['e.csv'],
      'inspect: e.csv: file is empty (expected a question file)',
    ],
    ['a missing file', {}, ['nope.csv'], 'inspect: nope.csv: no such file'],
    [
      'a README',
      { 'README.md': '# Title\n' },
      ['README.md'],
      'inspect: README.md: not a question file (documentation or code, judging by its name)',
    ],
    [
      'a truncated JSON file',
      { 'mc.json': '[\n {"question": "Q?", "mc1_targets": {"a": 1' },
      ['mc.json'],
      'inspect: mc.json: line 2: JSON ends early (file truncated?)',
    ],
    [
      'wrong columns',
      { 't.csv': 'Question,Best Answer,Nothing\nQ,A,x\n' },
      ['t.csv'],
      'inspect: t.csv: line 1: missing column(s) "Correct Answers", "Incorrect Answers"; found Question, Best Answer, Nothing',
    ],
  ])('exits 1 with one line for %s', async (_name, files, argv, message) => {
    const result = await inspect(argv, files);
    expect(result).toEqual({ code: 1, stdout: '', stderr: message });
  });

  it.each([
    [[]],
    [['a.csv', 'b.csv']],
    [['a.csv', '--family', 'gossip']],
    [['a.csv', '--verbose']],
  ])('exits 2 on usage errors: %j', async (argv) => {
    const result = await inspect(argv, { 'a.csv': 'x' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage: warmth-lab');
  });
});

describe.skipIf(!HAS_FIXTURES)(
  'inspect on the real fixtures (skipped: ../shared/fixtures not found)',
  () => {
    it.each(FIXTURE_COUNTS)(
      '%s → %s with %i items and no skips',
      async (file, format, count, family) => {
        const result = await inspect([path.join(FIXTURES, file), '--json']);
        expect(result.code).toBe(0);
        const report = JSON.parse(result.stdout) as {
          format: string;
          items: number;
          byFamily: Record<string, number>;
          skipped: unknown[];
        };
        expect(report).toMatchObject({ format, items: count, skipped: [] });
        expect(report.byFamily[family]).toBe(count);
      },
    );

    it('recognises a results table and counts its distinct items', async () => {
      const result = await inspect([
        path.join(FIXTURES, 'paper-sample-outputs/qwen32b-outputs-long.csv'),
        '--json',
      ]);
      expect(JSON.parse(result.stdout)).toEqual({
        format: 'results-long-csv',
        items: 87,
        byFamily: { factual: 20, misconception: 20, conspiracy: 28, medical: 19 },
        skipped: [],
      });
    });

    it.each(['stats-reference/expected.json', 'mask/README.md', 'truthfulqa/LICENSE'])(
      '%s is not a question file (exit 1)',
      async (file) => {
        const result = await inspect([path.join(FIXTURES, file)]);
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/^inspect: .+: not a question file \(.+\)$/);
      },
    );

    it('the real process exits 1 for expected.json and 0 for MedQA', () => {
      const tsx = path.join(REPO, 'node_modules/.bin/tsx');
      const run = (file: string) =>
        spawnSync(tsx, ['src/cli/main.ts', 'inspect', path.join(FIXTURES, file), '--json'], {
          cwd: REPO,
          encoding: 'utf8',
        });
      const bad = run('stats-reference/expected.json');
      expect(bad.status).toBe(1);
      expect(bad.stderr.trim().split('\n')).toHaveLength(1);
      const good = run('medqa/phrases_no_exclude_test.jsonl');
      expect(good.status).toBe(0);
      expect(JSON.parse(good.stdout)).toMatchObject({ format: 'medqa-jsonl', items: 1273 });
    }, 60_000);
  },
);
