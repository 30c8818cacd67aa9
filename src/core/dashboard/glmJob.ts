/**
 * The warmth GLM of the dashboard, run off the main thread: the message shapes between the UI
 * and src/workers/stats.worker.ts, the rows sent, and the fit the worker performs.
 *
 * Owns: the model. A logit GLM of "the answer was wrong" on warmth, plus task family when more
 * than one is present, plus stated-belief group (no belief vs a belief) with its warmth
 * interaction when both groups are present (the paper's Model 4, on one model); cluster-robust
 * SEs by item; the warmth AME in pp overall and within each belief group. Invariants: rows are
 * the counted answers of the two compared arms (after the grading mode), framings with custom
 * ids are left out (the GLM vocabulary does not know them); below MIN_GLM_ROWS rows or
 * MIN_GLM_ITEMS items no fit is attempted; an inestimable fit reports its reason, never NaN.
 */
import { toPaperCodes } from '../framing';
import type { GradingMode } from '../grading';
import type { PlainRow } from '../stats/analysisRows';
import { AnalysisTableBuilder } from '../stats/analysisRows';
import type { FactorName, GlmFormula } from '../stats/design';
import { fitGlm } from '../stats/glm';
import { Z_95 } from '../stats/intervals';
import type { ResponseRecord } from '../types';
import type { ArmPair } from './pairs';
import { verdictOf } from './pairs';

export const MIN_GLM_ROWS = 40;
export const MIN_GLM_ITEMS = 10;

export interface WarmthAme {
  pp: number;
  lowPp: number;
  highPp: number;
  /** Cluster-robust SE when available, else model-based. */
  sePp: number;
}

export type WarmthGlm =
  | {
      isEstimable: true;
      formula: string;
      n: number;
      clusters: number;
      ame: WarmthAme;
      /** AME within `original` (no stated belief) and `user_opinion` (belief stated). */
      ameByBelief: Record<string, WarmthAme> | null;
    }
  | { isEstimable: false; n: number; reason: string };

export interface GlmRequest {
  type: 'glm';
  id: number;
  rows: PlainRow[];
}

export type GlmResponse =
  | { type: 'glm-result'; id: number; result: WarmthGlm }
  | { type: 'error'; id: number; error: { name: string; message: string } };

/** The counted answers of the two arms as GLM rows (custom framings left out). */
export function toGlmRows(
  records: readonly ResponseRecord[],
  arms: ArmPair,
  mode: GradingMode,
): PlainRow[] {
  const rows: PlainRow[] = [];
  for (const record of records) {
    const isWarm = record.armId === arms.warm.id;
    if (!isWarm && record.armId !== arms.base.id) continue;
    const { context, belief } = record.condition;
    if (context.startsWith('custom:') || belief.startsWith('custom:')) continue;
    const verdict = verdictOf(record, mode);
    if (verdict === 'not-counted') continue;
    const codes = toPaperCodes(record.condition);
    rows.push({
      model: 'run',
      dataset: record.family,
      isWarm,
      itemId: record.itemId,
      amendmentType: codes.amendmentType,
      promptType: codes.promptTemplate,
      isCorrect: verdict === 'correct',
      isRefusal: false,
      sample: record.sample,
    });
  }
  return rows;
}

function toAme(effect: { pp: number; se_pp: number; cluster_se_pp: number | null }): WarmthAme {
  const se = effect.cluster_se_pp ?? effect.se_pp;
  return { pp: effect.pp, sePp: se, lowPp: effect.pp - Z_95 * se, highPp: effect.pp + Z_95 * se };
}

/** Fits the dashboard's warmth GLM on `rows`; see the module header for the model. */
export function fitWarmthGlm(rows: readonly PlainRow[]): WarmthGlm {
  const items = new Set(rows.map((row) => `${row.dataset}\u0000${row.itemId}`));
  if (rows.length < MIN_GLM_ROWS || items.size < MIN_GLM_ITEMS) {
    const reason = `needs at least ${MIN_GLM_ROWS} graded answers on ${MIN_GLM_ITEMS} items (has ${rows.length} on ${items.size})`;
    return { isEstimable: false, n: rows.length, reason };
  }
  const builder = new AnalysisTableBuilder();
  rows.forEach((row) => builder.addRow(row));
  const table = builder.finish();
  const isBelief = (row: PlainRow) =>
    row.promptType === 'incorrect' || row.promptType === 'correct';
  const hasBothGroups = rows.some(isBelief) && rows.some((row) => !isBelief(row));
  const terms = ['finetuned'];
  if (hasBothGroups) terms.push('prompt_group', 'finetuned:prompt_group');
  if (table.levels.dataset.length > 1) terms.push('dataset');
  const formula: GlmFormula = { terms, references: { prompt_group: 'original' } };
  const isIncorrect = Uint8Array.from(rows, (row) => (row.isCorrect ? 0 : 1));
  const all = Int32Array.from(rows, (_row, i) => i);
  const ameBy: FactorName | undefined = hasBothGroups ? 'prompt_group' : undefined;
  const fit = fitGlm(table, formula, all, isIncorrect, ameBy);
  if (!fit.isEstimable) return { isEstimable: false, n: fit.n, reason: fit.reason };
  const byGroup = fit.ameByGroup
    ? Object.fromEntries(Object.entries(fit.ameByGroup).map(([group, e]) => [group, toAme(e)]))
    : null;
  return {
    isEstimable: true,
    formula: fit.formula,
    n: fit.n,
    clusters: fit.clusters,
    ame: toAme(fit.ame),
    ameByBelief: byGroup,
  };
}
