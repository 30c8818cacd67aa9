import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError, parseArgs } from '../../src/cli/args';
import type { CliIo } from '../../src/cli/io';
import { escapeControlCharacters, stripControlCharacters } from '../../src/cli/io';
import { runCli } from '../../src/cli/main';
import { COMMAND_USAGE } from '../../src/cli/usage';

const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const HEADER = 'model,dataset,variant,item_id,amendment_type,prompt_type,output,evaluation';
// OSC 0 (set the terminal title), a CSI colour, a carriage return and a one-byte C1 CSI.
const HOSTILE_MODEL = 'evil\u001b]0;pwned\u0007\u001b[31mred\r\u009b2Jx';

async function cli(argv: string[], files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readChunks: async function* (name) {
      const text = files[name];
      if (text === undefined) throw new InputError(`${name}: no such file`);
      yield text;
    },
    readText: async (name) => files[name] ?? '',
  };
  const code = await runCli(argv, io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

function hostileTable(): string {
  const rows = [HEADER];
  for (let i = 0; i < 6; i++) {
    for (const variant of ['base', 'warm']) {
      const wrong = variant === 'warm' && i < 3;
      const model = `"${HOSTILE_MODEL}"`;
      rows.push(
        `${model},trivia,${variant},q${i},unmodified,original,out,${wrong ? 'INCORRECT' : 'CORRECT'}`,
      );
    }
  }
  return `${rows.join('\n')}\n`;
}

describe('help and version', () => {
  it.each([[['--help']], [['-h']], [['help']], [['help', 'nope']]])(
    '%j prints the overview on stdout and exits 0',
    async (argv) => {
      const result = await cli(argv);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout.split('\n')[0]).toBe('usage: warmth-lab COMMAND [options]');
      for (const name of Object.keys(COMMAND_USAGE)) expect(result.stdout).toContain(`  ${name} `);
    },
  );

  it('--version prints the package version and exits 0', async () => {
    expect(await cli(['--version'])).toEqual({
      code: 0,
      stdout: `warmth-lab ${VERSION}`,
      stderr: '',
    });
  });

  it.each([[['analyze', '--help']], [['analyze', 'x.csv', '-h']], [['help', 'analyze']]])(
    '%j prints only analyze’s usage, optional flags in brackets',
    async (argv) => {
      const result = await cli(argv);
      expect(result.code).toBe(0);
      expect(result.stdout.split('\n').slice(0, 2)).toEqual([
        'usage: warmth-lab analyze FILE [--mode paper|strict] [--convention correct|truthful] [--json]',
        '  paired tests and GLMs on a long results table',
      ]);
      expect(result.stdout).not.toContain('inspect');
    },
  );

  it('a usage error shows that command’s usage and exits 2', async () => {
    const result = await cli(['grade']);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n').slice(0, 2)).toEqual([
      'grade: grade needs a FILE (CSV or JSONL of model outputs)',
      'usage: warmth-lab grade FILE [--questions QFILE|bank] [--convention correct|truthful] [--mode paper|strict] [--no-twins] [--json]',
    ]);
  });

  it('an unknown command exits 2 with the overview on stderr', async () => {
    const result = await cli(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('unknown command "frobnicate"');
  });

  it.each(Object.entries(COMMAND_USAGE))(
    'every flag in %s’s usage is one it accepts',
    (name, usage) => {
      const flags = [...usage.synopsis.matchAll(/--([a-z-]+)/g)].map((m) => m[1] as string);
      expect(flags.length).toBeGreaterThan(0);
      const source = readFileSync(`src/cli/commands/${name}.ts`, 'utf8');
      for (const flag of flags) expect(source).toContain(`'${flag}'`);
      expect(parseArgs([`--${flags[0]}=x`]).flags.get(flags[0] as string)).toBe('x');
    },
  );
});

describe('terminal safety', () => {
  it.each([
    ['title escape', 'a\u001b]0;pwned\u0007b', 'a]0;pwnedb'],
    ['CSI colour and carriage return', '\u001b[31mred\rX', '[31mredX'],
    ['C1 CSI and DEL', 'x\u009b2J\u007fy', 'x2Jy'],
    ['tab and newline kept', 'a\tb\nc', 'a\tb\nc'],
  ])('strips %s', (_name, text, expected) => {
    expect(stripControlCharacters(text)).toBe(expected);
  });

  it('escapes (not loses) C1 characters in JSON output', () => {
    const json = escapeControlCharacters(JSON.stringify({ model: 'x\u009by' }));
    expect(json).toBe('{"model":"x\\u009by"}');
    expect((JSON.parse(json) as { model: string }).model).toBe('x\u009by');
  });

  it('a model name from a file cannot set the terminal title in analyze’s summary', async () => {
    const result = await cli(['analyze', 'h.csv'], { 'h.csv': hostileTable() });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('evil]0;pwned[31mred2Jx');
    expect(stripControlCharacters(result.stdout)).toBe(result.stdout);
  });

  it('with --json the model name survives intact after JSON.parse', async () => {
    const result = await cli(['analyze', 'h.csv', '--json'], { 'h.csv': hostileTable() });
    expect(result.code).toBe(0);
    expect(stripControlCharacters(result.stdout)).toBe(result.stdout);
    expect(JSON.stringify(JSON.parse(result.stdout))).toContain('evil\\u001b]0;pwned');
  });
});
