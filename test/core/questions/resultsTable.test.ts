import { describe, expect, it } from 'vitest';
import { summarizeResultsChunks } from '../../../src/core/questions';
import { chunksOf } from '../../../src/core/questions/stream';
import { FIXTURES, HAS_FIXTURES, SKIP_NOTE } from './fixturePaths';
import { readFileSync } from 'node:fs';
import path from 'node:path';

describe('summarizeResultsChunks', () => {
  it('counts distinct items per dataset and maps datasets to families', async () => {
    const text = [
      'model,dataset,variant,item_id,output',
      'm,disinfo,base,d1,x',
      'm,disinfo,warm,d1,x',
      'm,medqa,base,q1,x',
      'm,custom,base,c1,x',
      'm,,base,z,x',
    ].join('\n');
    const summary = await summarizeResultsChunks(chunksOf(text, 7), { fileName: 'r.csv' });
    expect(summary).toEqual({
      format: 'results-long-csv',
      rowsRead: 5,
      items: 3,
      byDataset: { custom: 1, disinfo: 1, medqa: 1 },
      byFamily: { factual: 0, misconception: 0, conspiracy: 1, medical: 1 },
      skipped: [{ line: 6, reason: 'empty dataset or item_id' }],
    });
  });

  it('names missing columns', async () => {
    await expect(
      summarizeResultsChunks(chunksOf('model,dataset\nm,d\n'), { fileName: 'r.csv' }),
    ).rejects.toThrow(
      'r.csv: line 1: missing column(s) "variant", "item_id"; found model, dataset',
    );
  });
});

describe.skipIf(!HAS_FIXTURES)(`real results tables ${SKIP_NOTE}`, () => {
  it.each([
    [
      'paper-sample-outputs/qwen32b-outputs-long.csv',
      159,
      { disinfo: 28, medqa: 19, trivia: 20, truthfulqa: 20 },
    ],
    [
      'stats-reference/synthetic-long.csv',
      19440,
      { disinfo: 30, medqa: 30, trivia: 30, truthfulqa: 30 },
    ],
  ])('%s', async (file, rows, byDataset) => {
    const text = readFileSync(path.join(FIXTURES, file), 'utf8');
    const summary = await summarizeResultsChunks(chunksOf(text), { fileName: file });
    expect(summary.rowsRead).toBe(rows);
    expect(summary.byDataset).toEqual(byDataset);
    expect(summary.skipped).toEqual([]);
  });
});
