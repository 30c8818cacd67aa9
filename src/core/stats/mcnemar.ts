/**
 * Paired base-vs-warm tests per model × dataset × family × amendment_type cell.
 *
 * Owns: the discordant-pair statistics — exact two-sided McNemar p (statsmodels
 * `mcnemar(exact=True)`), Cohen's g, the McNemar z, the conditional odds ratio b/c with its
 * exact 95% interval (Clopper–Pearson on b/(b+c)), and Benjamini–Hochberg within each
 * model × dataset × family table. Invariants: b counts pairs where ONLY base was correct, c
 * where ONLY warm was; a cell with no discordant pairs (b + c = 0) has no test — p and FDR p
 * are null, effect sizes null, note "no discordant pairs" — and is left out of its BH family,
 * as the paper authors' code does (their p is undefined there; counting it as p = 1 would
 * inflate every other adjusted p in the family); c = 0 < b gives an infinite odds ratio
 * (Infinity, serialised as "inf"), never NaN.
 */
import type { AnalysisTable } from './analysisRows';
import { cellIndexOf } from './cells';
import { clopperPearson } from './intervals';
import type { Outcomes } from './outcomes';
import type { PairIndex } from './pairing';
import { fairCoinCdf } from './special';
import type { PairFamily } from './vocabulary';
import { pairFamilyOf } from './vocabulary';

/** Family order of the reference report: belief prompts first, then plain questions. */
export const PAIR_FAMILIES: readonly PairFamily[] = ['sycophancy', 'normal'];

export interface DiscordantStatistics {
  cohens_g: number | null;
  mcnemar_z: number | null;
  odds_ratio: number | null;
  odds_ratio_ci95: [number, number] | null;
  /** Null when there are no discordant pairs: no test. */
  p_value: number | null;
  /** Why the effect sizes are null, when they are. */
  note?: string;
}

export interface PairedTestRow extends DiscordantStatistics {
  model: string;
  dataset: string;
  family: PairFamily;
  amendment_type: string;
  n: number;
  base_accuracy_pct: number;
  warm_accuracy_pct: number;
  diff_pp: number;
  base_only_correct: number;
  warm_only_correct: number;
  both_correct: number;
  both_wrong: number;
  /** Benjamini–Hochberg within the row's table; null when `p_value` is. */
  p_fdr: number | null;
}

/** Exact two-sided McNemar p: min(1, 2·P(X ≤ min(b, c))) with X ~ Bin(b + c, ½). */
export function mcnemarExactP(b: number, c: number): number {
  return Math.min(1, 2 * fairCoinCdf(Math.min(b, c), b + c));
}

/** Effect sizes and the exact test for b base-only-correct and c warm-only-correct pairs. */
export function discordantStatistics(b: number, c: number): DiscordantStatistics {
  const discordant = b + c;
  if (discordant === 0) {
    return {
      cohens_g: null,
      mcnemar_z: null,
      odds_ratio: null,
      odds_ratio_ci95: null,
      p_value: null,
      note: 'no discordant pairs: base and warm agree on every item, so there is no test',
    };
  }
  const [low, high] = clopperPearson(b, discordant) as [number, number];
  const toOdds = (p: number): number => (p >= 1 ? Infinity : p / (1 - p));
  return {
    cohens_g: Math.abs(b / discordant - 0.5),
    mcnemar_z: (b - c) / Math.sqrt(discordant),
    odds_ratio: c === 0 ? Infinity : b / c,
    odds_ratio_ci95: [toOdds(low), toOdds(high)],
    p_value: mcnemarExactP(b, c),
  };
}

/**
 * Benjamini–Hochberg adjusted p-values (step-up, monotone, capped at 1), in input order. A null
 * p (no test) is not in the family: it stays null and does not count towards m.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[];
export function benjaminiHochberg(pValues: readonly (number | null)[]): (number | null)[];
export function benjaminiHochberg(pValues: readonly (number | null)[]): (number | null)[] {
  const tested = pValues.flatMap((p, index) => (p === null ? [] : [{ p, index }]));
  const m = tested.length;
  const order = tested.sort((x, y) => x.p - y.p);
  const adjusted = new Array<number | null>(pValues.length).fill(null);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const entry = order[rank - 1] as { p: number; index: number };
    running = Math.min(running, (entry.p * m) / rank);
    adjusted[entry.index] = running;
  }
  return adjusted;
}

/** Counts a, b, c, d per (family, model, dataset, amendment) cell over the pairs. */
function countCells(table: AnalysisTable, outcomes: Outcomes, pairs: PairIndex): Float64Array {
  const { levels } = table;
  const familyOf = levels.prompt.map((prompt) => PAIR_FAMILIES.indexOf(pairFamilyOf(prompt)));
  const counts = new Float64Array(
    2 * levels.model.length * levels.dataset.length * levels.amendment.length * 4,
  );
  // The reported cell of a pair is a function of its base row's table cell (cells.ts).
  const cells = cellIndexOf(table);
  const reportedOf = Int32Array.from({ length: cells.count }, (_, from) => {
    const family = familyOf[cells.prompt[from] as number] as number;
    let cell = family * levels.model.length + (cells.model[from] as number);
    cell = cell * levels.dataset.length + (cells.dataset[from] as number);
    return cell * levels.amendment.length + (cells.amendment[from] as number);
  });
  for (let p = 0; p < pairs.count; p++) {
    const baseRow = pairs.base[p] as number;
    const warmRow = pairs.warm[p] as number;
    const cell = reportedOf[cells.cellOf[baseRow] as number] as number;
    const isBaseCorrect = outcomes.isIncorrect[baseRow] === 0;
    const isWarmCorrect = outcomes.isIncorrect[warmRow] === 0;
    // slot 0 both correct, 1 base only, 2 warm only, 3 both wrong
    const slot = isBaseCorrect ? (isWarmCorrect ? 0 : 1) : isWarmCorrect ? 2 : 3;
    counts[cell * 4 + slot] = (counts[cell * 4 + slot] as number) + 1;
  }
  return counts;
}

function toRow(
  key: Pick<PairedTestRow, 'model' | 'dataset' | 'family' | 'amendment_type'>,
  counts: Float64Array,
  cell: number,
): PairedTestRow {
  const [a, b, c, d] = [0, 1, 2, 3].map((slot) => counts[cell * 4 + slot] as number) as [
    number,
    number,
    number,
    number,
  ];
  const n = a + b + c + d;
  const baseAccuracy = ((a + b) / n) * 100;
  const warmAccuracy = ((a + c) / n) * 100;
  const statistics = discordantStatistics(b, c);
  return {
    ...key,
    n,
    base_accuracy_pct: baseAccuracy,
    warm_accuracy_pct: warmAccuracy,
    diff_pp: warmAccuracy - baseAccuracy,
    base_only_correct: b,
    warm_only_correct: c,
    both_correct: a,
    both_wrong: d,
    cohens_g: statistics.cohens_g,
    mcnemar_z: statistics.mcnemar_z,
    odds_ratio: statistics.odds_ratio,
    odds_ratio_ci95: statistics.odds_ratio_ci95,
    p_value: statistics.p_value,
    p_fdr: statistics.p_value,
    ...(statistics.note ? { note: statistics.note } : {}),
  };
}

/**
 * Paired tests for every cell with at least one pair, ordered family (sycophancy, normal),
 * model, dataset, amendment_type; `p_fdr` is Benjamini–Hochberg within each model × dataset × family.
 */
export function pairedTests(
  table: AnalysisTable,
  outcomes: Outcomes,
  pairs: PairIndex,
): PairedTestRow[] {
  const { levels } = table;
  const counts = countCells(table, outcomes, pairs);
  const rows: PairedTestRow[] = [];
  let cell = 0;
  for (const family of PAIR_FAMILIES) {
    for (const model of levels.model) {
      for (const dataset of levels.dataset) {
        const tableRows: PairedTestRow[] = [];
        for (const amendment of levels.amendment) {
          const total = [0, 1, 2, 3].reduce(
            (sum, slot) => sum + (counts[cell * 4 + slot] as number),
            0,
          );
          if (total > 0)
            tableRows.push(
              toRow({ model, dataset, family, amendment_type: amendment }, counts, cell),
            );
          cell++;
        }
        const adjusted = benjaminiHochberg(tableRows.map((row) => row.p_value));
        tableRows.forEach((row, i) => (row.p_fdr = adjusted[i] ?? null));
        rows.push(...tableRows);
      }
    }
  }
  return rows;
}
