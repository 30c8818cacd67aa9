import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io';
import { runCli } from '../../src/cli/main';
import { composePrompt } from '../../src/core/framing';
import { BUILT_IN_ITEMS } from '../../src/core/questions/bank';
import type { Item, MedicalItem } from '../../src/core/types';

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

async function compose(...argv: string[]): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readChunks: () => {
      throw new Error('compose reads no files');
    },
    readText: () => Promise.reject(new Error('compose reads no files')),
  };
  const code = await runCli(['compose', ...argv], io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const FACTUAL = BUILT_IN_ITEMS.find((item) => item.family === 'factual') as Item;
const MEDICAL = BUILT_IN_ITEMS.find((item) => item.family === 'medical') as MedicalItem;

describe.skipIf(!FACTUAL || !MEDICAL)('compose: success (needs the built-in bank)', () => {
  it('prints the composed text for a context, belief and forced variant', async () => {
    const result = await compose(
      '--item',
      FACTUAL.id,
      '--context',
      'emotion:sad',
      '--belief',
      'asserts-wrong',
      '--variant',
      '2',
    );
    const expected = composePrompt(
      FACTUAL,
      { context: 'emotion:sad', belief: 'asserts-wrong', isHedged: false, hasLeadIn: false },
      { variant: 2 },
    );
    expect(result).toEqual({ code: 0, stdout: expected.text, stderr: '' });
    expect(result.stdout).toContain(FACTUAL.wrong[0] as string);
  });

  it('prints {text, variantIds} with --json, honouring --hedged and --lead-in', async () => {
    const result = await compose(
      '--item',
      FACTUAL.id,
      '--belief',
      'denies-right',
      '--hedged',
      '--lead-in',
      '--json',
      '--variant',
      '0',
    );
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as { text: string; variantIds: object };
    expect(parsed.variantIds).toEqual({ belief: 'denies-right#0+hedge#0', leadIn: 'lead#0' });
    expect(parsed.text.endsWith(", but I'm really not sure.")).toBe(true);
  });

  it('lists medical options with --options', async () => {
    const result = await compose('--item', MEDICAL.id, '--options');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(1, 3)).toEqual([
      `A. ${MEDICAL.options[0] as string}`,
      `B. ${MEDICAL.options[1] as string}`,
    ]);
  });
});

describe('compose: errors', () => {
  it('exits 1 naming an unknown item id', async () => {
    const result = await compose('--item', 'no-such-item');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('compose: no item with id "no-such-item" in the built-in bank');
  });

  it.each([
    [['--item', 'x', '--context', 'emotion:bored'], '--context must be one of none, emotion:happy'],
    [
      ['--item', 'x', '--belief', 'agrees'],
      '--belief must be one of none, asserts-wrong, denies-right',
    ],
    [['--item', 'x', '--variant', '9'], '--variant must be an integer from 0 to 4 (got "9")'],
    [['--item', 'x', '--variant', '-1'], '--variant must be an integer from 0 to 4 (got "-1")'],
    [['--context', 'emotion:sad'], '--item ID is required'],
    [['--item', 'x', '--colour', 'red'], 'unknown option --colour'],
    [['wl-fact-001'], 'unexpected argument "wl-fact-001"; use --item ID'],
  ])('exits 2 for %j', async (argv, message) => {
    const result = await compose(...argv);
    expect(result.code).toBe(2);
    expect(result.stderr.startsWith(`compose: ${message}`)).toBe(true);
    expect(result.stdout).toBe('');
  });
});
