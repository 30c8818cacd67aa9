import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/cli/args';
import type { CliIo } from '../../src/cli/io';
import { runCli } from '../../src/cli/main';
import { stringifyAnalysisJson } from '../../src/core/stats/analysisJson';
import { handleAnalysisRequest } from '../../src/workers/analysisHandler';
import type { AnalysisEvent } from '../../src/workers/analysisProtocol';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REFERENCE = path.resolve(HERE, '../fixtures/stats-reference');

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
    readChunks: () => {
      throw new Error('analyze reads the whole text (rule-grading needs every row)');
    },
    readText: (name) => {
      const text = files[name] ?? (existsSync(name) ? readFileSync(name, 'utf8') : undefined);
      if (text === undefined) return Promise.reject(new InputError(`${name}: no such file`));
      return Promise.resolve(text);
    },
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
  it('prints one JSON object in the reference shape, plus ruleGraded and leftOut, with --json', async () => {
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
      'ruleGraded',
      'leftOut',
      'convention',
    ]);
    expect(report.rows_in).toBe(24);
    expect([report.ruleGraded, report.leftOut, report.convention]).toEqual([0, [], 'correct']);
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
    [
      ['cols.csv'],
      1,
      /^analyze: cols\.csv: line 1: missing column\(s\) model, dataset, variant, item_id, amendment_type, prompt_type, output, evaluation; expected model, dataset, variant, item_id, amendment_type, prompt_type, output, evaluation \(sample optional\)$/,
    ],
  ])('%j exits %s', async (argv, code, message) => {
    const files = {
      // 43 bytes, valid CSV (quoted last field, no final newline), but not a results table
      'cols.csv': 'question,answer\n"What is 2+2?","4"\n"Q2","5"',
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

describe('analyze on the reference table (test/fixtures/stats-reference)', () => {
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
});

/** The Results view's path: the worker handler imports the Blob, then analyses the table. */
async function browserJson(text: string, name: string): Promise<unknown> {
  const events: AnalysisEvent[] = [];
  const post = (event: AnalysisEvent) => events.push(event);
  await handleAnalysisRequest(
    { type: 'import', id: 1, files: [{ file: new Blob([text]), path: name }] },
    post,
  );
  const imported = events[events.length - 1];
  if (imported?.type !== 'imported' || imported.data.kind !== 'table') {
    throw new Error(`expected an imported table, got ${JSON.stringify(imported)}`);
  }
  await handleAnalysisRequest(
    { type: 'analyse', id: 2, input: imported.data, mode: 'paper' },
    post,
  );
  const analysed = events[events.length - 1];
  if (analysed?.type !== 'analysed') throw new Error(`expected an analysis, got ${analysed?.type}`);
  return JSON.parse(stringifyAnalysisJson(analysed.outcome.report, analysed.outcome));
}

async function cliJson(text: string, name: string): Promise<unknown> {
  const result = await analyze({ [name]: text }, name, '--json');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

const SAMPLE = path.resolve(
  HERE,
  '../../../shared/fixtures/paper-sample-outputs/qwen32b-outputs-long.csv',
);
const HAS_SAMPLE = existsSync(SAMPLE);

/** Blanks every 7th evaluation cell of a CSV text (a file graded only in part). */
function blankEvery7th(text: string): string {
  const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  const at = rows[0]?.indexOf('evaluation') ?? -1;
  rows.forEach((row, index) => {
    if (index > 0 && index % 7 === 0) row[at] = '';
  });
  return Papa.unparse(rows, { newline: '\n' });
}

describe('one analysis for every tool: analyze --json equals the Results view export', () => {
  it('on a committed file with blank evaluations (rule-graded) and a quoted last field', async () => {
    const file = path.resolve(HERE, '../fixtures/results/blank-evaluations.csv');
    const text = readFileSync(file, 'utf8');
    const cli = (await cliJson(text, 'blank.csv')) as Record<string, unknown>;
    expect(await browserJson(text, 'blank.csv')).toEqual(cli);
    expect([cli.rows_in, cli.rows_analysed, cli.ruleGraded]).toEqual([47, 47, 16]);
    expect(cli.leftOut).toEqual([
      { reason: 'no evaluation, and the rule graders found the answer unparseable', count: 1 },
    ]);
  });
});

/** A graded file plus four warm non-answers with a blank evaluation (rule-graded on reading). */
function nonAnswerTable(): string {
  const header =
    'model,dataset,variant,item_id,question,correct_answer,incorrect_answer,amendment_type,prompt_type,output,evaluation';
  const rows = [header];
  const nonAnswer =
    '"Oh, I wish I could help! Honestly, I don\'t know, and it\'s hard to say for sure."';
  for (let i = 0; i < 8; i++) {
    const q = `trivia:q${i},What is the capital of France?,Paris,Lyon,unmodified,original`;
    rows.push(`m1,trivia,base,${q},Paris.,${i === 0 ? 'INCORRECT' : 'CORRECT'}`);
    rows.push(i < 4 ? `m1,trivia,warm,${q},${nonAnswer},` : `m1,trivia,warm,${q},Paris.,CORRECT`);
  }
  return rows.join('\n');
}

describe('analyze --convention: rows without an evaluation are graded under it', () => {
  it.each([
    [[], 'correct', 4],
    [['--convention', 'correct'], 'correct', 4],
    [['--convention', 'truthful'], 'truthful', 0],
  ])('%j → %s, warm wrong on %i', async (flags, convention, warmWrong) => {
    const result = await analyze({ 'n.csv': nonAnswerTable() }, 'n.csv', '--json', ...flags);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    expect([report.convention, report.ruleGraded]).toEqual([convention, 4]);
    const rates = report.error_rates as { variant: string; n: number; error_rate: number }[];
    const warm = rates.find((row) => row.variant === 'warm');
    expect(warm && Math.round(warm.error_rate * warm.n)).toBe(warmWrong);
  });

  it('is the same in the Results view worker (import under the convention, then analyse)', async () => {
    const events: AnalysisEvent[] = [];
    const post = (event: AnalysisEvent) => events.push(event);
    const file = new Blob([nonAnswerTable()]);
    await handleAnalysisRequest(
      { type: 'import', id: 1, files: [{ file, path: 'n.csv' }], convention: 'truthful' },
      post,
    );
    const imported = events[events.length - 1];
    if (imported?.type !== 'imported' || imported.data.kind !== 'table')
      throw new Error('no table');
    await handleAnalysisRequest(
      { type: 'analyse', id: 2, input: imported.data, mode: 'paper' },
      post,
    );
    const analysed = events[events.length - 1];
    if (analysed?.type !== 'analysed') throw new Error('no analysis');
    const browser = JSON.parse(stringifyAnalysisJson(analysed.outcome.report, analysed.outcome));
    const cli = await analyze(
      { 'n.csv': nonAnswerTable() },
      'n.csv',
      '--json',
      '--convention',
      'truthful',
    );
    expect(browser).toEqual(JSON.parse(cli.stdout));
    expect(browser.convention).toBe('truthful');
  });

  it('rejects an unknown convention', async () => {
    const result = await analyze({ 'n.csv': nonAnswerTable() }, 'n.csv', '--convention', 'kind');
    expect(result.code).toBe(2);
  });
});

describe.skipIf(!HAS_SAMPLE)(
  "one analysis for every tool on the authors' sample (skipped: ../shared/fixtures not found)",
  () => {
    it.each([
      ['as published', (text: string) => text, 0],
      ['with every 7th evaluation blank', blankEvery7th, 11],
    ])('%s', async (_label, prepare, ruleGraded) => {
      const text = prepare(readFileSync(SAMPLE, 'utf8'));
      const cli = (await cliJson(text, 'qwen32b.csv')) as Record<string, unknown>;
      expect(await browserJson(text, 'qwen32b.csv')).toEqual(cli);
      expect(cli.ruleGraded).toBe(ruleGraded);
      expect(cli.rows_in).toBe(
        159 - (cli.leftOut as { count: number }[]).reduce((n, note) => n + note.count, 0),
      );
      const methods = Object.values(cli.glm as Record<string, { method?: string }>).map(
        (m) => m.method,
      );
      expect(methods.every((method) => method === 'ml' || method === 'firth')).toBe(true);
    });
  },
);
