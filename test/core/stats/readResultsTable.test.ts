import { describe, expect, it } from 'vitest';
import { readResultsTable } from '../../../src/core/stats/readResultsTable';

const HEADER = 'model,dataset,variant,item_id,amendment_type,prompt_type,output,evaluation';
const ROW = 'm,trivia,base,q1,unmodified,original';

describe('readResultsTable: valid edge cases (issue 14)', () => {
  it.each([
    ['a quoted last field without a final newline', `${HEADER}\n${ROW},out,"CORRECT"`, [2]],
    [
      'CRLF line ends',
      `${HEADER}\r\n${ROW},out,CORRECT\r\n${ROW.replace('base', 'warm')},o,INCORRECT\r\n`,
      [2, 3],
    ],
    ['a BOM', `\ufeff${HEADER}\n${ROW},out,CORRECT\n`, [2]],
    [
      'an output with embedded newlines',
      `${HEADER}\n${ROW},"a\nb\nc",CORRECT\n${ROW.replace('base', 'warm')},x,CORRECT`,
      [2, 5],
    ],
  ])("reads %s, with each row's line", (_label, text, lines) => {
    const data = readResultsTable(text, 'edge.csv');
    expect(Array.from(data.table.line)).toEqual(lines);
    expect([data.ruleGraded, data.notes]).toEqual([0, []]);
  });
});

describe('readResultsTable: invalid input names the file, the line and what was expected', () => {
  it.each([
    [
      'wrong columns (a valid 43-byte CSV)',
      'question,answer\n"What is 2+2?","4"\n"Q2","5"',
      'cols.csv: line 1: missing column(s) model, dataset, variant, item_id, amendment_type, prompt_type, output, evaluation; expected model, dataset, variant, item_id, amendment_type, prompt_type, output, evaluation (sample optional)',
    ],
    [
      'an unterminated quote',
      `${HEADER}\n${ROW},out,CORRECT\n${ROW},"never closed,CORRECT\n`,
      'cols.csv: line 3: unterminated quoted field (file truncated?)',
    ],
    [
      'a short row',
      `${HEADER}\n${ROW},CORRECT\n`,
      'cols.csv: line 2: expected 8 fields like the header, found 7 (is a comma inside an unquoted output?)',
    ],
    ['an empty file', '', 'cols.csv: line 1: empty file (expected a header row)'],
    [
      'a header only',
      HEADER,
      'cols.csv: no data rows to analyse (expected a header row and result rows)',
    ],
  ])('%s', (_label, text, message) => {
    expect(() => readResultsTable(text, 'cols.csv')).toThrow(message);
  });
});
