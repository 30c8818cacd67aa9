import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createBundle, serializeBundle, toLongCsv, toPaperLayout } from '../../../src/core/results';
import type { FactualItem, ResponseRecord } from '../../../src/core/types';
import { analyseInStages } from '../../../src/core/stats/analyseResults';
import { detectLayout, importFiles } from '../../../src/core/results/importResults';
import type { TextFile } from '../../../src/core/results/importResults';

const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../shared/fixtures',
);
const NO_PROGRESS = () => {};

const ANALYSIS_HEADER =
  'model,dataset,variant,item_id,amendment_type,prompt_type,output,evaluation';
const ITEM: FactualItem = {
  id: 'q1',
  family: 'factual',
  question: 'Capital of France?',
  correct: 'Paris',
  aliases: [],
  wrong: ['Lyon'],
  source: { name: 'test', license: 'CC0' },
};
const ARMS = (['base', 'warm'] as const).map((role) => ({
  id: role,
  label: role,
  modelId: 'm',
  settings: { temperature: 0, maxTokens: 8 },
  role,
}));

function record(runId: string, planIndex: number, role: 'base' | 'warm', output: string) {
  const result: ResponseRecord = {
    runId,
    planIndex,
    armId: role,
    armRole: role,
    modelId: 'm',
    itemId: 'q1',
    family: 'factual',
    condition: { context: 'none', belief: 'none' },
    sample: 0,
    prompt: { text: 'Capital of France?', variantIds: {} },
    output,
    finishReason: 'stop',
    grades: [{ outcome: output === 'Paris' ? 'correct' : 'incorrect', grader: 'rule', reason: '' }],
    usage: { promptTokens: 1, completionTokens: 1 },
    elapsedMs: 1,
    createdAt: '2025-01-01T00:00:00Z',
  };
  return result;
}

function bundleText(device: string, runId: string): string {
  const records = [record(runId, 0, 'base', 'Paris'), record(runId, 1, 'warm', 'Lyon')];
  const run = {
    id: runId,
    name: runId,
    status: 'done' as const,
    planSize: 2,
    createdAt: 'x',
    updatedAt: 'x',
  };
  return serializeBundle(
    createBundle({
      run,
      arms: ARMS,
      items: [ITEM],
      records,
      appVersion: '1',
      device: { label: device },
    }),
  );
}

describe('detectLayout', () => {
  const cases: { file: TextFile; layout: string }[] = [
    { file: { path: 'a.json', text: '[]' }, layout: 'bundle' },
    { file: { path: 'a.txt', text: ' {"format":1}' }, layout: 'bundle' },
    { file: { path: 'a.csv', text: `${ANALYSIS_HEADER}\n` }, layout: 'analysis-table' },
    { file: { path: 'a.csv', text: 'prompt,output,evaluation\n' }, layout: 'paper' },
    { file: { path: 'a.csv', text: 'name,score\n' }, layout: 'unknown' },
    {
      file: {
        path: 'a.csv',
        text: toLongCsv([record('r', 0, 'base', 'Paris')], {
          items: new Map(),
          arms: [],
          appVersion: '1',
        }),
      },
      layout: 'warmth-lab-long',
    },
  ];
  it.each(cases)('$file.path "$file.text" → $layout', ({ file, layout }) => {
    expect(detectLayout(file)).toBe(layout);
  });
});

describe('importFiles', () => {
  it('pools overlapping bundles, reporting each duplicate and the copy kept', () => {
    const data = importFiles(
      [
        { path: 'laptop.json', text: bundleText('Laptop', 'r1') },
        { path: 'phone.json', text: bundleText('Phone', 'r2') },
      ],
      NO_PROGRESS,
    );
    expect(data.kind).toBe('records');
    if (data.kind !== 'records') return;
    expect(data.pooled.records).toHaveLength(2);
    expect(data.pooled.duplicates).toHaveLength(2);
    expect(data.pooled.duplicates[0]?.message).toContain("kept bundle 1's answer");
    expect(data.pooled.devices).toEqual(['Laptop', 'Phone']);
    expect(data.sources.map((s) => [s.bundle, s.file, s.device])).toEqual([
      [1, 'laptop.json', 'Laptop'],
      [2, 'phone.json', 'Phone'],
    ]);
  });

  it('splits a long CSV by its device column', () => {
    const records = [
      { ...record('r', 0, 'base', 'Paris'), device: 'A' },
      { ...record('r', 1, 'warm', 'Lyon'), device: 'B' },
    ];
    const text = toLongCsv(records, { items: new Map(), arms: ARMS, appVersion: '1' });
    const data = importFiles([{ path: 'long.csv', text }], NO_PROGRESS);
    if (data.kind !== 'records') throw new Error('expected records');
    expect(data.sources.map((s) => s.device)).toEqual(['A', 'B']);
    expect(data.pooled.records.map((r) => r.device)).toEqual(['A', 'B']);
  });

  it('fills empty evaluations with the rule graders and counts ungradable rows', () => {
    const text = [
      `${ANALYSIS_HEADER},question,correct_answer,incorrect_answer`,
      'm,trivia,base,q1,unmodified,original,It is Paris.,,Capital of France?,Paris,Lyon',
      'm,trivia,warm,q1,unmodified,original,Lyon I think.,,Capital of France?,Paris,Lyon',
      'm,trivia,warm,q2,unmodified,original,No idea,,,,',
      'm,trivia,base,q2,unmodified,original,x,CORRECT,,,',
    ].join('\n');
    const data = importFiles([{ path: 'outputs.csv', text }], NO_PROGRESS);
    if (data.kind !== 'table') throw new Error('expected a table');
    expect(data.table.size).toBe(3);
    expect(data.ruleGraded).toBe(2);
    expect([...data.table.isCorrect]).toEqual([1, 0, 1]);
    expect(data.notes).toEqual([
      {
        reason: 'no evaluation, and the row lacks the answer columns the rule graders need',
        count: 1,
      },
    ]);
  });

  it("reads the paper authors' per-model files back and pairs base with warm", () => {
    const records = [record('r', 0, 'base', 'Paris'), record('r', 1, 'warm', 'Lyon')];
    const layout = toPaperLayout(records, { items: new Map([[ITEM.id, ITEM]]) });
    const files = layout.files.map((file) => ({ path: file.path, text: file.text }));
    expect(files.map((file) => file.path)).toEqual([
      'warmth_lab_outputs/m/original/trivia_original_outputs.csv',
      'warmth_lab_outputs/m/warm/trivia_warm_outputs.csv',
    ]);
    const data = importFiles(files, NO_PROGRESS);
    if (data.kind !== 'records') throw new Error('expected records');
    expect(data.sources.map((source) => source.layout)).toEqual([
      'paper-per-model',
      'paper-per-model',
    ]);
    const { report } = analyseInStages(
      {
        kind: 'records',
        records: data.pooled.records,
        items: data.pooled.items,
        isDeviceFactor: true,
      },
      'paper',
      NO_PROGRESS,
    );
    expect(report.pairs).toBe(1);
    expect(report.error_rates.map((row) => [row.variant, row.errors, row.n])).toEqual([
      ['base', 0, 1],
      ['warm', 1, 1],
    ]);
  });

  const errors: { name: string; files: TextFile[]; message: RegExp }[] = [
    { name: 'no files', files: [], message: /Choose at least one results file/ },
    {
      name: 'a bad variant',
      files: [
        {
          path: 'bad.csv',
          text: `${ANALYSIS_HEADER}\nm,trivia,luke,q1,unmodified,original,x,CORRECT`,
        },
      ],
      message: /^bad\.csv: line 2: variant must be base or warm/,
    },
    {
      name: 'an unknown layout',
      files: [{ path: 'x.csv', text: 'name,score\nann,3' }],
      message: /^x\.csv: line 1: unknown results layout \(found columns name, score\)/,
    },
    {
      name: 'a JSON file that is not a bundle',
      files: [{ path: 'x.json', text: '{"format":"other"}' }],
      message: /^x\.json: not a Warmth Lab results bundle/,
    },
    {
      name: 'a table pooled with a bundle',
      files: [
        { path: 't.csv', text: `${ANALYSIS_HEADER}\n` },
        { path: 'b.json', text: bundleText('A', 'r') },
      ],
      message: /^t\.csv: a ready-to-analyse long table .* import it on its own/,
    },
    {
      name: 'empty evaluations without answer columns',
      files: [
        { path: 'e.csv', text: `${ANALYSIS_HEADER}\nm,trivia,base,q1,unmodified,original,x,` },
      ],
      message:
        /^e\.csv: line 2: the evaluation is empty and the rule graders cannot grade the file/,
    },
  ];
  it.each(errors)('rejects $name with a specific message', ({ files, message }) => {
    expect(() => importFiles(files, NO_PROGRESS)).toThrow(message);
  });
});

describe.skipIf(!existsSync(FIXTURES))('fixtures (skipped: ../shared/fixtures not found)', () => {
  it('analyses synthetic-long.csv to the reference error rates and paired tests', () => {
    const text = readFileSync(path.join(FIXTURES, 'stats-reference/synthetic-long.csv'), 'utf8');
    const expected = JSON.parse(
      readFileSync(path.join(FIXTURES, 'stats-reference/expected.json'), 'utf8'),
    ) as {
      rows_analysed: number;
      error_rates: { n: number; error_rate: number }[];
      mcnemar: { p_value: number }[];
    };
    const data = importFiles([{ path: 'synthetic-long.csv', text }], NO_PROGRESS);
    if (data.kind !== 'table') throw new Error('expected a table');
    const { report } = analyseInStages({ kind: 'table', table: data.table }, 'paper', NO_PROGRESS);
    expect(report.rows_analysed).toBe(expected.rows_analysed);
    expect(report.error_rates.map((r) => r.n)).toEqual(expected.error_rates.map((r) => r.n));
    report.error_rates.forEach((row, i) =>
      expect(row.error_rate).toBeCloseTo(expected.error_rates[i]?.error_rate ?? -1, 12),
    );
    expect(report.mcnemar).toHaveLength(expected.mcnemar.length);
    expect(Object.keys(report.glm)).toEqual(['model1', 'model2', 'model3', 'model4']);
  });

  it('reads qwen32b-outputs-long.csv as a table with every row graded', () => {
    const file = 'paper-sample-outputs/qwen32b-outputs-long.csv';
    const text = readFileSync(path.join(FIXTURES, file), 'utf8');
    const data = importFiles([{ path: file, text }], NO_PROGRESS);
    if (data.kind !== 'table') throw new Error('expected a table');
    expect(data.table.size).toBe(159);
    expect(data.table.levels.model).toEqual(['qwen_32b']);
    expect(data.ruleGraded).toBe(0);
  });
});
