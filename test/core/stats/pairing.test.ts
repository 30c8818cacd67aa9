import { describe, expect, it } from 'vitest';
import type { PlainRow } from '../../../src/core/stats/analysisRows';
import {
  AnalysisInputError,
  AnalysisTableBuilder,
  parseAnalysisCsv,
} from '../../../src/core/stats/analysisRows';
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

  it('lists pairs in base-row order even when the warm rows come in another order', () => {
    const pairs = pairsOf(
      'm,trivia,base,q1,unmodified,original,a,CORRECT',
      'm,trivia,base,q2,unmodified,original,a,CORRECT',
      'm,trivia,warm,q3,unmodified,original,a,CORRECT', // no base partner
      'm,trivia,warm,q2,unmodified,original,a,INCORRECT',
      'm,trivia,warm,q1,unmodified,original,a,CORRECT',
    );
    expect(Array.from(pairs.base)).toEqual([0, 1]);
    expect(Array.from(pairs.warm)).toEqual([4, 3]);
    expect(pairs.unpaired).toMatchObject({ count: 1, base: 0, warm: 1 });
    expect(pairs.unpaired.examples.map((row) => [row.line, row.item_id])).toEqual([[4, 'q3']]);
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

  it('pairs the same way when the key space is too large for a flat array (high sample numbers)', () => {
    // 2 questions × 20 contexts × 65,536 samples × 2 arms > 4 M slots: keys are renumbered.
    const row = (isWarm: boolean, itemId: string, k: number, sample: number): PlainRow => ({
      model: 'm',
      dataset: 'trivia',
      isWarm,
      itemId,
      amendmentType: `emotion:context-${k}`,
      promptType: 'original',
      isCorrect: true,
      isRefusal: false,
      sample,
    });
    const rows = [
      ...Array.from({ length: 20 }, (_, k) => row(false, 'q1', k, 0)),
      row(true, 'q2', 3, 65535), // pairs with row 22, which comes later
      row(true, 'q1', 5, 0), // pairs with row 5
      row(false, 'q2', 3, 65535),
      row(true, 'q1', 5, 1), // another sample: no partner
    ];
    const pairsOfRows = (plain: PlainRow[]) => {
      const builder = new AnalysisTableBuilder();
      plain.forEach((one) => builder.addRow(one));
      const table = builder.finish();
      return pairRows(table, applyMode(table, 'paper').isIncluded);
    };
    const pairs = pairsOfRows(rows);
    expect(Array.from(pairs.base)).toEqual([5, 22]);
    expect(Array.from(pairs.warm)).toEqual([21, 20]);
    expect(pairs.unpaired).toMatchObject({ count: 20, base: 19, warm: 1 });
    expect(() => pairsOfRows([...rows, row(true, 'q1', 5, 1)])).toThrow(
      /line 26: duplicate warm row .* as line 25/,
    );
  });
});
