import { describe, expect, it } from 'vitest';
import type { PlainRow } from '../../../src/core/stats/analysisRows';
import { AnalysisTableBuilder } from '../../../src/core/stats/analysisRows';
import { cellIndexOf } from '../../../src/core/stats/cells';

function tableOf(rows: Partial<PlainRow>[]) {
  const builder = new AnalysisTableBuilder();
  for (const row of rows) {
    builder.addRow({
      model: 'm',
      dataset: 'trivia',
      isWarm: false,
      itemId: 'q1',
      amendmentType: 'unmodified',
      promptType: 'original',
      isCorrect: true,
      isRefusal: false,
      ...row,
    });
  }
  return builder.finish();
}

describe('cellIndexOf', () => {
  it('numbers (model, dataset, context, prompt) combos in first-seen order, each arm beside the other', () => {
    const table = tableOf([
      { amendmentType: 'emotion:sad', isWarm: true },
      { model: 'a' },
      { amendmentType: 'emotion:sad' },
      { model: 'a', isWarm: true, itemId: 'q2' },
    ]);
    const cells = cellIndexOf(table);
    expect(Array.from(cells.cellOf)).toEqual([1, 2, 0, 3]);
    expect(cells.count).toBe(4);
    const levelsOf = (cell: number) => [
      table.levels.model[cells.model[cell] as number],
      table.levels.amendment[cells.amendment[cell] as number],
      cells.isWarm[cell],
    ];
    expect([0, 1, 2, 3].map(levelsOf)).toEqual([
      ['m', 'emotion:sad', 0],
      ['m', 'emotion:sad', 1],
      ['a', 'unmodified', 0],
      ['a', 'unmodified', 1],
    ]);
    expect(cellIndexOf(table)).toBe(cells); // cached per table
  });

  it('keeps an item id shared by two datasets as two items but one question (the GLM cluster model|item_id)', () => {
    const table = tableOf([
      { itemId: 'x', dataset: 'trivia' },
      { itemId: 'x', dataset: 'medqa' },
      { itemId: 'y', dataset: 'trivia', sample: 4 },
      { itemId: 'x', dataset: 'trivia', model: 'b' },
    ]);
    const cells = cellIndexOf(table);
    expect(Array.from(cells.itemOf)).toEqual([0, 1, 2, 3]);
    expect(Array.from(cells.questionOfItem)).toEqual([0, 0, 1, 2]);
    expect([cells.itemCount, cells.questionCount, cells.sampleCount]).toEqual([4, 3, 5]);
  });
});
