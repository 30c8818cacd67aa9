/**
 * Categorical factors of the GLMs as functions of the table's cells (cells.ts): which levels of
 * a factor occur among a design's rows, and the level of each cell.
 *
 * Owns: the mapping from the table's level dictionaries to factor levels (the `_group` factors
 * merge contexts or prompts into their groups). Invariant: levels are those present among the
 * used cells, sorted, de-duplicated by name — exactly the levels present among the rows.
 */
import type { AnalysisTable } from './analysisRows';
import type { CellIndex } from './cells';
import type { FactorName } from './design';
import { amendmentGroupOf, promptGroupOf } from './vocabulary';

/** Factor levels present among the used cells, and the level of each cell id (−1 when unused). */
export interface FactorColumn {
  levels: string[];
  codes: Int32Array;
}

/**
 * Level of `factor` for every used cell, with levels restricted to those present (in any cell
 * of `used`), sorted.
 */
export function factorColumn(
  table: AnalysisTable,
  cells: CellIndex,
  used: Int32Array,
  factor: FactorName,
): FactorColumn {
  const { source, names } = factorSource(table, cells, factor);
  // Mark the source codes in use (no per-row strings), then collapse them onto level names.
  const isUsed = new Uint8Array(names.length);
  for (const cell of used) isUsed[source[cell] as number] = 1;
  const present = [...new Set(names.filter((_, code) => isUsed[code] === 1))].sort();
  const index = new Map(present.map((level, code) => [level, code]));
  const byCode = Int32Array.from(names, (name) => index.get(name) ?? -1);
  const codes = new Int32Array(cells.count).fill(-1);
  for (const cell of used) codes[cell] = byCode[source[cell] as number] as number;
  return { levels: present, codes };
}

function factorSource(
  table: AnalysisTable,
  cells: CellIndex,
  factor: FactorName,
): { source: Int32Array; names: string[] } {
  const { levels } = table;
  switch (factor) {
    case 'model':
      return { source: cells.model, names: levels.model };
    case 'dataset':
      return { source: cells.dataset, names: levels.dataset };
    case 'amendment_type':
      return { source: cells.amendment, names: levels.amendment };
    case 'amendment_group':
      return { source: cells.amendment, names: levels.amendment.map(amendmentGroupOf) };
    case 'prompt_type':
      return { source: cells.prompt, names: levels.prompt };
    case 'prompt_group':
      return { source: cells.prompt, names: levels.prompt.map(promptGroupOf) };
  }
}
