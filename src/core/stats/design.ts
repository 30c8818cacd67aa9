/**
 * Design matrices for binomial GLMs on an AnalysisTable, described by a small formula object
 * instead of a formula parser: the response is always "the answer was wrong", the only numeric
 * regressor is `finetuned` (warm arm = 1), every other term is a categorical factor with
 * treatment coding, and interactions are `finetuned:<factor>`.
 *
 * Owns: column order and names, which follow patsy/statsmodels exactly (intercept, then factor
 * terms in formula order, then terms containing is_finetuned) so results can be compared
 * key-for-key with statsmodels. Invariants: every predictor is a 0/1 indicator and a function
 * of the row's cell (cells.ts), so predictors are worked out once per cell as a short list of
 * active column indices (−1 = none) and the rows are collapsed straight into covariate patterns
 * (patterns.ts) — no dense N×K matrix, no per-row keys; factor levels are those present in the
 * analysed subset, sorted, reference first.
 */
import type { AnalysisTable } from './analysisRows';
import type { CellIndex } from './cells';
import { cellIndexOf } from './cells';
import type { FactorColumn } from './cellFactors';
import { factorColumn } from './cellFactors';
import type { CellRows, CovariatePatterns } from './patterns';
import { collapseCells, countCellRows } from './patterns';

export type FactorName =
  'model' | 'dataset' | 'amendment_group' | 'amendment_type' | 'prompt_group' | 'prompt_type';

/** A GLM description, e.g. `{ terms: ['finetuned', 'dataset', 'model'], references: { dataset: 'disinfo' } }`. */
export interface GlmFormula {
  /** Terms in formula order: `finetuned`, a factor name, or `finetuned:<factor>`. */
  terms: string[];
  /** Explicit reference levels; a factor without one uses its first sorted level. */
  references?: Partial<Record<FactorName, string>>;
}

/** Active design columns of a set of rows or patterns, as fixed-width slot lists (−1 = inactive slot). */
export interface SlotLayout {
  /** rows × baseWidth columns not involving finetuned (slot 0 is always the intercept, column 0). */
  baseSlots: Int32Array;
  baseWidth: number;
  /** rows × warmWidth columns switched on when finetuned = 1 (is_finetuned and its interactions). */
  warmSlots: Int32Array;
  warmWidth: number;
  isWarm: Uint8Array;
}

/** A design over `rows` (indices into the table), already collapsed into covariate patterns. */
export interface Design {
  names: string[];
  formula: string;
  k: number;
  n: number;
  rows: Int32Array;
  cells: CellIndex;
  /** Design rows and errors per cell. */
  cellRows: CellRows;
  patterns: CovariatePatterns;
  /** Pattern of each cell id (−1 for cells without design rows). */
  patternOfCell: Int32Array;
}

const FACTOR_NAMES: readonly FactorName[] = [
  'model',
  'dataset',
  'amendment_group',
  'amendment_type',
  'prompt_group',
  'prompt_type',
];

/** Raised for a malformed formula description (a programming error, not bad data). */
export class FormulaError extends Error {
  override name = 'FormulaError';
}

function asFactor(name: string): FactorName {
  if (!(FACTOR_NAMES as readonly string[]).includes(name)) {
    throw new FormulaError(`unknown factor "${name}"; expected one of ${FACTOR_NAMES.join(', ')}`);
  }
  return name as FactorName;
}

interface CodedFactor {
  name: FactorName;
  label: string;
  column: FactorColumn;
  reference: number;
  /** Design column of each level (−1 for the reference). */
  columnOf: Int32Array;
}

function codeFactor(
  table: AnalysisTable,
  formula: GlmFormula,
  name: FactorName,
  cellRows: { cells: CellIndex; used: Int32Array },
): CodedFactor {
  const column = factorColumn(table, cellRows.cells, cellRows.used, name);
  const explicit = formula.references?.[name];
  const reference = explicit === undefined ? 0 : column.levels.indexOf(explicit);
  if (reference < 0) {
    throw new FormulaError(
      `reference level "${explicit}" of ${name} is absent from the analysed rows`,
    );
  }
  const label =
    explicit === undefined ? `C(${name})` : `C(${name}, Treatment(reference='${explicit}'))`;
  return {
    name,
    label,
    column,
    reference,
    columnOf: new Int32Array(column.levels.length).fill(-1),
  };
}

/** Renders the statsmodels formula string (`a * b` when both main effects and the interaction are present). */
function renderFormula(formula: GlmFormula, labels: Map<string, string>): string {
  const terms = formula.terms;
  const parts: string[] = [];
  const consumed = new Set<string>();
  for (const term of terms) {
    if (consumed.has(term)) continue;
    const crossed =
      term === 'finetuned' ? terms.find((t) => t.startsWith('finetuned:')) : undefined;
    const partner = crossed?.slice('finetuned:'.length);
    if (crossed && partner && terms.includes(partner)) {
      parts.push(`is_finetuned * ${labels.get(partner)}`);
      consumed.add(crossed).add(partner);
    } else if (term === 'finetuned') parts.push('is_finetuned');
    else if (term.startsWith('finetuned:'))
      parts.push(`is_finetuned:${labels.get(term.slice(10))}`);
    else parts.push(labels.get(term) as string);
  }
  return `is_incorrect ~ ${parts.join(' + ')}`;
}

/** Assigns design columns (patsy order) and returns their names. */
function assignColumns(
  formula: GlmFormula,
  factors: Map<string, CodedFactor>,
): { names: string[]; finetunedColumn: number } {
  const names = ['Intercept'];
  const addLevels = (factor: CodedFactor, prefix: string, target: Int32Array): void => {
    factor.column.levels.forEach((level, code) => {
      if (code === factor.reference) return;
      target[code] = names.length;
      names.push(`${prefix}${factor.label}[T.${level}]`);
    });
  };
  for (const term of formula.terms) {
    const factor = factors.get(term);
    if (factor) addLevels(factor, '', factor.columnOf);
  }
  let finetunedColumn = -1;
  if (formula.terms.includes('finetuned')) {
    finetunedColumn = names.length;
    names.push('is_finetuned');
  }
  for (const term of formula.terms.filter((t) => t.startsWith('finetuned:'))) {
    const factor = factors.get(`:${term.slice(10)}`) as CodedFactor;
    addLevels(factor, 'is_finetuned:', factor.columnOf);
  }
  return { names, finetunedColumn };
}

/** The coded factor of every factor term (interactions keyed `:<factor>`) and their labels. */
function codeFactors(
  table: AnalysisTable,
  formula: GlmFormula,
  cellRows: { cells: CellIndex; used: Int32Array },
): { factors: Map<string, CodedFactor>; labels: Map<string, string> } {
  const factors = new Map<string, CodedFactor>();
  const labels = new Map<string, string>();
  for (const term of formula.terms) {
    if (term === 'finetuned') continue;
    const isInteraction = term.startsWith('finetuned:');
    const name = asFactor(isInteraction ? term.slice(10) : term);
    if (isInteraction && !formula.terms.includes(name)) {
      throw new FormulaError(`interaction ${term} needs the main effect ${name} too`);
    }
    const coded = codeFactor(table, formula, name, cellRows);
    factors.set(isInteraction ? `:${name}` : name, coded);
    labels.set(name, coded.label);
  }
  return { factors, labels };
}

/**
 * Builds the design for `formula` on the given rows of `table` (after outcome filtering:
 * `isIncorrect[row]` is the response).
 */
export function buildDesign(
  table: AnalysisTable,
  formula: GlmFormula,
  rows: Int32Array,
  isIncorrect: Uint8Array,
): Design {
  const cells = cellIndexOf(table);
  const cellRows = countCellRows(cells, rows, isIncorrect);
  const { factors, labels } = codeFactors(table, formula, { cells, used: cellRows.used });
  const { names, finetunedColumn } = assignColumns(formula, factors);
  const byKind = (isInteraction: boolean) =>
    [...factors.entries()]
      .filter(([key]) => key.startsWith(':') === isInteraction)
      .map(([, f]) => f);
  const layout = fillSlots(cells, cellRows.used, byKind(false), byKind(true), finetunedColumn);
  const collapsed = collapseCells(layout, cellRows, cells.count, { k: names.length, names });
  const formulaText = renderFormula(formula, labels);
  return {
    names,
    formula: formulaText,
    k: names.length,
    n: rows.length,
    rows,
    cells,
    cellRows,
    ...collapsed,
  };
}

/** Fills the active-column slots and arm flag of each used cell (layout row u = `used[u]`). */
function fillSlots(
  cells: CellIndex,
  used: Int32Array,
  mainFactors: CodedFactor[],
  interactions: CodedFactor[],
  finetunedColumn: number,
): SlotLayout {
  const n = used.length;
  const baseWidth = 1 + mainFactors.length;
  const warmWidth = (finetunedColumn >= 0 ? 1 : 0) + interactions.length;
  const baseSlots = new Int32Array(n * baseWidth);
  const warmSlots = new Int32Array(n * warmWidth).fill(-1);
  const isWarm = new Uint8Array(n);
  for (let u = 0; u < n; u++) {
    const cell = used[u] as number;
    isWarm[u] = cells.isWarm[cell] as number;
    for (let f = 0; f < mainFactors.length; f++) {
      const factor = mainFactors[f] as CodedFactor;
      baseSlots[u * baseWidth + 1 + f] = factor.columnOf[
        factor.column.codes[cell] as number
      ] as number;
    }
    let slot = u * warmWidth;
    if (finetunedColumn >= 0) warmSlots[slot++] = finetunedColumn;
    for (const factor of interactions) {
      warmSlots[slot++] = factor.columnOf[factor.column.codes[cell] as number] as number;
    }
  }
  return { baseSlots, baseWidth, warmSlots, warmWidth, isWarm };
}
