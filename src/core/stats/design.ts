/**
 * Design matrices for binomial GLMs on an AnalysisTable, described by a small formula object
 * instead of a formula parser: the response is always "the answer was wrong", the only numeric
 * regressor is `finetuned` (warm arm = 1), every other term is a categorical factor with
 * treatment coding, and interactions are `finetuned:<factor>`.
 *
 * Owns: column order and names, which follow patsy/statsmodels exactly (intercept, then factor
 * terms in formula order, then terms containing is_finetuned) so results can be compared
 * key-for-key with statsmodels. Invariants: every predictor is a 0/1 indicator, so a row is
 * stored as a short list of active column indices (−1 = none) — no dense N×K matrix; factor
 * levels are those present in the analysed subset, sorted, reference first.
 */
import type { AnalysisTable } from './analysisRows';
import { amendmentGroupOf, promptGroupOf } from './vocabulary';

export type FactorName =
  'model' | 'dataset' | 'amendment_group' | 'amendment_type' | 'prompt_group' | 'prompt_type';

/** A GLM description, e.g. `{ terms: ['finetuned', 'dataset', 'model'], references: { dataset: 'disinfo' } }`. */
export interface GlmFormula {
  /** Terms in formula order: `finetuned`, a factor name, or `finetuned:<factor>`. */
  terms: string[];
  /** Explicit reference levels; a factor without one uses its first sorted level. */
  references?: Partial<Record<FactorName, string>>;
}

/** Per-row factor levels for a subset of rows. */
export interface FactorColumn {
  levels: string[];
  codes: Int32Array;
}

/** Active design columns of a set of rows, as fixed-width slot lists (−1 = inactive slot). */
export interface SlotLayout {
  /** rows × baseWidth columns not involving finetuned (slot 0 is always the intercept, column 0). */
  baseSlots: Int32Array;
  baseWidth: number;
  /** rows × warmWidth columns switched on when finetuned = 1 (is_finetuned and its interactions). */
  warmSlots: Int32Array;
  warmWidth: number;
  isWarm: Uint8Array;
}

/** A design over `rows` (indices into the table). */
export interface Design extends SlotLayout {
  names: string[];
  formula: string;
  k: number;
  n: number;
  rows: Int32Array;
  /** 1 when the answer was wrong. */
  y: Uint8Array;
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

/** Level of `factor` for every row in `rows`, with levels restricted to those present, sorted. */
export function factorColumn(
  table: AnalysisTable,
  factor: FactorName,
  rows: Int32Array,
): FactorColumn {
  const { source, names } = factorSource(table, factor);
  // Mark the source codes in use (no per-row strings), then collapse them onto level names.
  const isUsed = new Uint8Array(names.length);
  for (let i = 0; i < rows.length; i++) isUsed[source[rows[i] as number] as number] = 1;
  const present = [...new Set(names.filter((_, code) => isUsed[code] === 1))].sort();
  const index = new Map(present.map((level, code) => [level, code]));
  const byCode = Int32Array.from(names, (name) => index.get(name) ?? -1);
  const codes = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++)
    codes[i] = byCode[source[rows[i] as number] as number] as number;
  return { levels: present, codes };
}

function factorSource(
  table: AnalysisTable,
  factor: FactorName,
): { source: ArrayLike<number>; names: string[] } {
  const { levels } = table;
  switch (factor) {
    case 'model':
      return { source: table.model, names: levels.model };
    case 'dataset':
      return { source: table.dataset, names: levels.dataset };
    case 'amendment_type':
      return { source: table.amendment, names: levels.amendment };
    case 'amendment_group':
      return { source: table.amendment, names: levels.amendment.map(amendmentGroupOf) };
    case 'prompt_type':
      return { source: table.prompt, names: levels.prompt };
    case 'prompt_group':
      return { source: table.prompt, names: levels.prompt.map(promptGroupOf) };
  }
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
  rows: Int32Array,
): CodedFactor {
  const column = factorColumn(table, name, rows);
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
  const factors = new Map<string, CodedFactor>();
  const labels = new Map<string, string>();
  for (const term of formula.terms) {
    if (term === 'finetuned') continue;
    const isInteraction = term.startsWith('finetuned:');
    const name = asFactor(isInteraction ? term.slice(10) : term);
    if (isInteraction && !formula.terms.includes(name)) {
      throw new FormulaError(`interaction ${term} needs the main effect ${name} too`);
    }
    const coded = codeFactor(table, formula, name, rows);
    factors.set(isInteraction ? `:${name}` : name, coded);
    labels.set(name, coded.label);
  }
  const { names, finetunedColumn } = assignColumns(formula, factors);
  const mainFactors = [...factors.entries()]
    .filter(([key]) => !key.startsWith(':'))
    .map(([, f]) => f);
  const interactions = [...factors.entries()]
    .filter(([key]) => key.startsWith(':'))
    .map(([, f]) => f);
  const slots = fillSlots(table, rows, isIncorrect, mainFactors, interactions, finetunedColumn);
  const formulaText = renderFormula(formula, labels);
  return { names, formula: formulaText, k: names.length, n: rows.length, rows, ...slots };
}

/** Fills the per-row active-column slots, response and arm flags in one pass. */
function fillSlots(
  table: AnalysisTable,
  rows: Int32Array,
  isIncorrect: Uint8Array,
  mainFactors: CodedFactor[],
  interactions: CodedFactor[],
  finetunedColumn: number,
): Pick<Design, 'baseSlots' | 'baseWidth' | 'warmSlots' | 'warmWidth' | 'isWarm' | 'y'> {
  const n = rows.length;
  const baseWidth = 1 + mainFactors.length;
  const warmWidth = (finetunedColumn >= 0 ? 1 : 0) + interactions.length;
  const baseSlots = new Int32Array(n * baseWidth);
  const warmSlots = new Int32Array(n * warmWidth).fill(-1);
  const isWarm = new Uint8Array(n);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i] as number;
    isWarm[i] = table.isWarm[row] as number;
    y[i] = isIncorrect[row] as number;
    for (let f = 0; f < mainFactors.length; f++) {
      const factor = mainFactors[f] as CodedFactor;
      baseSlots[i * baseWidth + 1 + f] = factor.columnOf[
        factor.column.codes[i] as number
      ] as number;
    }
    let slot = i * warmWidth;
    if (finetunedColumn >= 0) warmSlots[slot++] = finetunedColumn;
    for (const factor of interactions) {
      warmSlots[slot++] = factor.columnOf[factor.column.codes[i] as number] as number;
    }
  }
  return { baseSlots, baseWidth, warmSlots, warmWidth, isWarm, y };
}
