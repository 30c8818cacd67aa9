import { describe, expect, it } from 'vitest';
import { AnalysisInputError, parseAnalysisCsv } from '../../../src/core/stats/analysisRows';
import { applyMode } from '../../../src/core/stats/outcomes';
import { pairRows } from '../../../src/core/stats/pairing';

const HEADER = 'model,dataset,variant,item_id,amendment_type,prompt_type,output,evaluation';

function pairsOf(...rows: string[]) {
  const table = parseAnalysisCsv([HEADER, ...rows].join('\n'));
  return pairRows(table, applyMode(table, 'paper').isIncluded);
}

describe('pairRows', () => {
  it('joins base and warm on every key part and reports the rest with their lines', () => {
    const pairs = pairsOf(
      'm,trivia,base,q1,unmodified,original,a,CORRECT',
      'm,trivia,warm,q1,unmodified,original,a,INCORRECT',
      'm,trivia,base,q2,unmodified,original,a,CORRECT', // no warm partner
      'm,trivia,warm,q1,emotion:sad,original,a,CORRECT', // different amendment
      "m,trivia,warm,q3,unmodified,original,I can't say,CORRECT", // refusal, dropped on trivia
    );
    expect(pairs.count).toBe(1);
    expect(Array.from(pairs.base)).toEqual([0]);
    expect(Array.from(pairs.warm)).toEqual([1]);
    expect(pairs.unpaired).toMatchObject({ count: 2, base: 1, warm: 1 });
    expect(pairs.unpaired.examples.map((row) => [row.line, row.variant, row.item_id])).toEqual([
      [4, 'base', 'q2'],
      [5, 'warm', 'q1'],
    ]);
  });

  it('rejects two rows of one arm with the same key, naming both lines', () => {
    expect(() =>
      pairsOf(
        'm,trivia,base,q1,unmodified,original,a,CORRECT',
        'm,trivia,base,q1,unmodified,original,b,INCORRECT',
      ),
    ).toThrow(AnalysisInputError);
    expect(() =>
      pairsOf(
        'm,trivia,base,q1,unmodified,original,a,CORRECT',
        'm,trivia,base,q1,unmodified,original,b,INCORRECT',
      ),
    ).toThrow(/line 3: duplicate base row .* as line 2/);
  });
});
