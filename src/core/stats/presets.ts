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

/** Indices of included rows for which `keep(row)` holds. */
function selectRows(
  table: AnalysisTable,
  outcomes: Outcomes,
  keep: (row: number) => boolean,
): Int32Array {
  const rows = new Int32Array(table.size);
  let count = 0;
  for (let row = 0; row < table.size; row++) {
    if (outcomes.isIncluded[row] === 1 && keep(row)) rows[count++] = row;
  }
  return rows.slice(0, count);
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

/** Builds the four presets for this table. */
export function paperPresets(table: AnalysisTable, outcomes: Outcomes): GlmPreset[] {
  const { levels } = table;
  const isNoBelief = levels.prompt.map((prompt) => promptGroupOf(prompt) === 'original');
  const isUnmodified = levels.amendment.map((type) => amendmentGroupOf(type) === 'unmodified');
  const noBelief = (row: number) => isNoBelief[table.prompt[row] as number] === true;
  const rowSets: Record<RowSet, Int32Array> = {
    plain: selectRows(
      table,
      outcomes,
      (row) => noBelief(row) && isUnmodified[table.amendment[row] as number] === true,
    ),
    noBelief: selectRows(table, outcomes, noBelief),
    all: selectRows(table, outcomes, () => true),
  };
  const all = referencesFor(table);
  return DEFINITIONS.map(({ terms, rowSet, ...rest }) => {
    // Only name references for factors the formula uses, so labels match statsmodels'.
    const references = Object.fromEntries(
      Object.entries(all).filter(([factor]) => terms.includes(factor)),
    );
    return { ...rest, formula: { terms, references }, rows: rowSets[rowSet] };
  });
}
