import { describe, expect, it } from 'vitest';
import { AnalysisInputError, parseAnalysisCsv } from '../../../src/core/stats/analysisRows';

const HEADER = 'model,dataset,variant,item_id,amendment_type,prompt_type,output,evaluation';

function csv(...rows: string[]): string {
  return [HEADER, ...rows].join('\n');
}

describe('parseAnalysisCsv', () => {
  it('reads rows into sorted level dictionaries and typed columns', () => {
    const table = parseAnalysisCsv(
      csv(
        'zeta,medqa,warm,q2,emotion:sad,correct,B,INCORRECT',
        'alpha,disinfo,base,q1,unmodified,original,"I’m sorry, but no.",incorrect',
        'alpha,disinfo,warm,q1,unmodified,original,Yes,CORRECT',
      ),
    );
    expect(table.size).toBe(3);
    expect(table.levels.model).toEqual(['alpha', 'zeta']);
    expect(table.levels.dataset).toEqual(['disinfo', 'medqa']);
    expect(Array.from(table.model)).toEqual([1, 0, 0]);
    expect(Array.from(table.isWarm)).toEqual([1, 0, 1]);
    expect(Array.from(table.isCorrect)).toEqual([0, 0, 1]);
    expect(Array.from(table.isRefusal)).toEqual([0, 1, 0]);
    expect(Array.from(table.line)).toEqual([2, 3, 4]);
  });

  it("accepts Warmth Lab's names, extra columns, a sample column and REFUSAL verdicts", () => {
    const table = parseAnalysisCsv(
      [
        `note,${HEADER},sample`,
        'x,m,conspiracy,base,c1,none,none,fine,refusal,0',
        'y,m,conspiracy,base,c1,none,none,fine,correct,1',
      ].join('\n'),
    );
    expect(table.levels.dataset).toEqual(['conspiracy']);
    expect(Array.from(table.sample)).toEqual([0, 1]);
    expect(Array.from(table.isRefusal)).toEqual([1, 0]);
  });

  it.each([
    ['model,dataset\nm,trivia', 1, /missing column\(s\) variant, item_id/],
    [csv('m,trivia,hot,q,unmodified,original,x,CORRECT'), 2, /variant must be base or warm/],
    [csv('m,news,base,q,unmodified,original,x,CORRECT'), 2, /unknown dataset "news"/],
    [csv('m,trivia,base,q,unmodified,leading,x,CORRECT'), 2, /unknown prompt_type "leading"/],
    [csv('m,trivia,base,q,unmodified,original,x,MAYBE'), 2, /evaluation must be CORRECT/],
    [
      csv('m,trivia,base,q,unmodified,original,x,CORRECT', ',trivia,base,q,none,none,x,CORRECT'),
      3,
      /empty model/,
    ],
    [
      `${HEADER},sample\nm,trivia,base,q,none,none,x,CORRECT,-1`,
      2,
      /sample must be a whole number/,
    ],
    [
      csv('m,trivia,base,q,none,none,sorry, but no,CORRECT'),
      2,
      /expected 8 fields like the header, found 9/,
    ],
  ])('rejects bad input with the line (%#)', (text, line, message) => {
    let caught: unknown;
    try {
      parseAnalysisCsv(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AnalysisInputError);
    expect((caught as AnalysisInputError).line).toBe(line);
    expect((caught as Error).message).toMatch(message);
  });

  it('rejects an empty file', () => {
    expect(() => parseAnalysisCsv('')).toThrow(/empty file/);
  });
});

describe('rows with nothing to analyse', () => {
  it('skips ungraded, unparseable and cold-arm rows with their lines and keeps the rest', () => {
    const table = parseAnalysisCsv(
      csv(
        'm,trivia,base,q1,none,none,Paris,CORRECT',
        'm,trivia,warm,q1,none,none,Lyon,',
        'm,trivia,warm,q1,none,none,hmm,UNPARSEABLE',
        'm,trivia,cold,q1,none,none,Paris,CORRECT',
        'm,trivia,warm,q1,none,none,Lyon,INCORRECT',
      ),
    );
    expect(table.size).toBe(2);
    expect(table.skipped).toEqual([
      { line: 3, reason: 'not graded (empty evaluation)' },
      { line: 4, reason: 'grade is UNPARSEABLE: no verdict to analyse' },
      { line: 5, reason: 'arm role "cold" is neither base nor warm' },
    ]);
    expect(Array.from(table.isWarm)).toEqual([0, 1]);
  });
});
