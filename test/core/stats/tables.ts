// Small hand-built tables for the stats tests (not a test file itself).
import type { AnalysisTable, PlainRow } from '../../../src/core/stats/analysisRows';
import { AnalysisTableBuilder } from '../../../src/core/stats/analysisRows';

/** Cell description: `count` rows of one arm, `wrong` of them incorrect. */
export interface CellSpec {
  model?: string;
  dataset?: string;
  isWarm: boolean;
  amendmentType?: string;
  promptType?: string;
  count: number;
  wrong: number;
  refusals?: number;
}

/**
 * Builds a table where item ids are shared across arms (item-0 … item-(count−1)), so each cell
 * pairs with the other arm's cell of the same size; the first `wrong` items are incorrect, and
 * the last `refusals` items are refusals.
 */
export function tableOf(cells: CellSpec[]): AnalysisTable {
  const builder = new AnalysisTableBuilder();
  for (const cell of cells) {
    for (let i = 0; i < cell.count; i++) {
      const row: PlainRow = {
        model: cell.model ?? 'm-a',
        dataset: cell.dataset ?? 'trivia',
        isWarm: cell.isWarm,
        itemId: `item-${i}`,
        amendmentType: cell.amendmentType ?? 'unmodified',
        promptType: cell.promptType ?? 'original',
        isCorrect: i >= cell.wrong,
        isRefusal: i >= cell.count - (cell.refusals ?? 0),
      };
      builder.addRow(row);
    }
  }
  return builder.finish();
}

/** All row indices of a table. */
export function allRows(table: AnalysisTable): Int32Array {
  return Int32Array.from({ length: table.size }, (_, i) => i);
}
