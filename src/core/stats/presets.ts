/**
 * The paper's four regression models as GLM presets.
 *
 * Owns: which rows and terms each model uses. Model 1: no interpersonal context, no stated
 * belief — warmth + task + model. Model 2: no stated belief — warmth × amendment group.
 * Model 3: no stated belief — warmth × each individual context. Model 4: every row — warmth ×
 * prompt group (original vs user_opinion). Invariant: reference levels are the
 * disinformation/conspiracy dataset, the unmodified context and the no-belief prompt group
 * (spelled as in the table), models use their first sorted name.
 */
import type { AnalysisTable } from './analysisRows';
import { cellIndexOf } from './cells';
import type { FactorName, GlmFormula } from './design';
import type { Outcomes } from './outcomes';
import {
  amendmentGroupOf,
  promptGroupOf,
  referenceDatasetIn,
  unmodifiedAmendmentIn,
} from './vocabulary';

export type PresetKey = 'model1' | 'model2' | 'model3' | 'model4';

export interface GlmPreset {
  key: PresetKey;
  title: string;
  formula: GlmFormula;
  /** Factor whose levels get their own warmth AME (none: overall only). */
  ameBy?: FactorName;
  /** Key of the AME field in the reference report. */
  ameField: string;
  /** Table rows the model is fitted on (already restricted to included rows). */
  rows: Int32Array;
}

type RowSet = 'plain' | 'noBelief' | 'all';

/** The presets minus their rows and references, which depend on the table. */
const DEFINITIONS: (Omit<GlmPreset, 'rows' | 'formula'> & { terms: string[]; rowSet: RowSet })[] = [
  {
    key: 'model1',
    title: 'Model 1: warmth + task + model (no context, no stated belief)',
    terms: ['finetuned', 'dataset', 'model'],
    ameField: 'ame_finetuned_pp',
    rowSet: 'plain',
  },
  {
    key: 'model2',
    title: 'Model 2: warmth × context group (no stated belief)',
    terms: ['finetuned', 'amendment_group', 'finetuned:amendment_group', 'dataset', 'model'],
    ameBy: 'amendment_group',
    ameField: 'ame_finetuned_pp_by_group',
    rowSet: 'noBelief',
  },
  {
    key: 'model3',
    title: 'Model 3: warmth × each context (no stated belief)',
    terms: ['finetuned', 'amendment_type', 'finetuned:amendment_type', 'dataset', 'model'],
    ameBy: 'amendment_type',
    ameField: 'ame_finetuned_pp_by_amendment_type',
    rowSet: 'noBelief',
  },
  {
    key: 'model4',
    title: 'Model 4: warmth × stated belief (all rows)',
    terms: ['finetuned', 'prompt_group', 'finetuned:prompt_group', 'dataset', 'model'],
    ameBy: 'prompt_group',
    ameField: 'ame_finetuned_pp_by_prompt_group',
    rowSet: 'all',
  },
];

/** Reference levels as this table spells them. */
function referencesFor(table: AnalysisTable): NonNullable<GlmFormula['references']> {
  const dataset = referenceDatasetIn(table.levels.dataset);
  const unmodified = unmodifiedAmendmentIn(table.levels.amendment);
  return {
    ...(dataset === undefined ? {} : { dataset }),
    ...(unmodified === undefined ? {} : { amendment_type: unmodified }),
    amendment_group: 'unmodified',
    prompt_group: 'original',
  };
}

/**
 * The included rows of each row set, in one pass: whether a row has a stated belief or a
 * context is a property of its cell (cells.ts), so it is looked up once per cell.
 */
function selectRowSets(table: AnalysisTable, outcomes: Outcomes): Record<RowSet, Int32Array> {
  const { levels } = table;
  const cells = cellIndexOf(table);
  // 0: other rows, 1: no stated belief, 2: no stated belief and no context (plain).
  const kindOf = Uint8Array.from({ length: cells.count }, (_, cell) => {
    if (promptGroupOf(levels.prompt[cells.prompt[cell] as number] as string) !== 'original')
      return 0;
    const type = levels.amendment[cells.amendment[cell] as number] as string;
    return amendmentGroupOf(type) === 'unmodified' ? 2 : 1;
  });
  const all = new Int32Array(table.size);
  const noBelief = new Int32Array(table.size);
  const plain = new Int32Array(table.size);
  let [allCount, noBeliefCount, plainCount] = [0, 0, 0];
  const { isIncluded } = outcomes;
  const { cellOf } = cells;
  for (let row = 0; row < table.size; row++) {
    if (isIncluded[row] !== 1) continue;
    all[allCount++] = row;
    const kind = kindOf[cellOf[row] as number] as number;
    if (kind >= 1) noBelief[noBeliefCount++] = row;
    if (kind === 2) plain[plainCount++] = row;
  }
  return {
    plain: plain.slice(0, plainCount),
    noBelief: noBelief.slice(0, noBeliefCount),
    all: all.slice(0, allCount),
  };
}

/** Builds the four presets for this table. */
export function paperPresets(table: AnalysisTable, outcomes: Outcomes): GlmPreset[] {
  const rowSets = selectRowSets(table, outcomes);
  const all = referencesFor(table);
  return DEFINITIONS.map(({ terms, rowSet, ...rest }) => {
    // Only name references for factors the formula uses, so labels match statsmodels'.
    const references = Object.fromEntries(
      Object.entries(all).filter(([factor]) => terms.includes(factor)),
    );
    return { ...rest, formula: { terms, references }, rows: rowSets[rowSet] };
  });
}
