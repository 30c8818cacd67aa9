/**
 * Covariate patterns: rows of a design with identical predictors collapsed into one weighted
 * row (trials, errors). Every predictor here is a 0/1 indicator, so a 440,000-row table has
 * only a few hundred distinct patterns, and a binomial GLM on (errors, trials) per pattern is
 * exactly the Bernoulli GLM on the rows — same likelihood, same X'WX, same scores summed.
 *
 * Owns: the collapse and the active-column walk shared by fitting, sandwich and AMEs.
 * Invariants: patterns keep their base and warm slots apart (the warm slots of a base row are
 * what finetuned = 1 would switch on), and `patternOf[i]` maps every design row to its pattern.
 */
import type { Design, SlotLayout } from './design';

export interface CovariatePatterns extends SlotLayout {
  count: number;
  k: number;
  names: string[];
  trials: Float64Array;
  errors: Float64Array;
  patternOf: Int32Array;
}

/** Writes the active columns of row/pattern i (intercept, factors, warm terms) into `out`; returns how many. */
export function activeColumns(layout: SlotLayout, i: number, out: Int32Array): number {
  let count = 0;
  const { baseSlots, baseWidth, warmSlots, warmWidth } = layout;
  for (let s = i * baseWidth, end = s + baseWidth; s < end; s++) {
    const column = baseSlots[s] as number;
    if (column >= 0) out[count++] = column;
  }
  if (layout.isWarm[i] === 1) {
    for (let s = i * warmWidth, end = s + warmWidth; s < end; s++) {
      const column = warmSlots[s] as number;
      if (column >= 0) out[count++] = column;
    }
  }
  return count;
}

/** A numeric key per row when the slot space fits in a double exactly, else null. */
function numericKeys(design: Design): Float64Array | null {
  const radix = design.k + 1;
  const width = design.baseWidth + design.warmWidth;
  if (2 * radix ** width > Number.MAX_SAFE_INTEGER) return null;
  const keys = new Float64Array(design.n);
  for (let i = 0; i < design.n; i++) {
    let key = design.isWarm[i] as number;
    for (let s = i * design.baseWidth; s < (i + 1) * design.baseWidth; s++) {
      key = key * radix + (design.baseSlots[s] as number) + 1;
    }
    for (let s = i * design.warmWidth; s < (i + 1) * design.warmWidth; s++) {
      key = key * radix + (design.warmSlots[s] as number) + 1;
    }
    keys[i] = key;
  }
  return keys;
}

function stringKey(design: Design, i: number): string {
  const base = design.baseSlots.subarray(i * design.baseWidth, (i + 1) * design.baseWidth);
  const warm = design.warmSlots.subarray(i * design.warmWidth, (i + 1) * design.warmWidth);
  return `${design.isWarm[i]}|${base.join(',')}|${warm.join(',')}`;
}

/** Pattern id of every row, and the first row of each pattern. */
function assignPatterns(design: Design): { patternOf: Int32Array; firstRow: number[] } {
  const keys = numericKeys(design);
  const idOf = new Map<number | string, number>();
  const patternOf = new Int32Array(design.n);
  const firstRow: number[] = [];
  for (let i = 0; i < design.n; i++) {
    const key = keys ? (keys[i] as number) : stringKey(design, i);
    let id = idOf.get(key);
    if (id === undefined) {
      id = firstRow.length;
      idOf.set(key, id);
      firstRow.push(i);
    }
    patternOf[i] = id;
  }
  return { patternOf, firstRow };
}

/** Collapses the design rows into covariate patterns with trial and error counts. */
export function collapseDesign(design: Design): CovariatePatterns {
  const { patternOf, firstRow } = assignPatterns(design);
  const count = firstRow.length;
  const trials = new Float64Array(count);
  const errors = new Float64Array(count);
  for (let i = 0; i < design.n; i++) {
    const id = patternOf[i] as number;
    trials[id] = (trials[id] as number) + 1;
    errors[id] = (errors[id] as number) + (design.y[i] as number);
  }
  const { baseWidth, warmWidth, k, names } = design;
  const baseSlots = new Int32Array(count * baseWidth);
  const warmSlots = new Int32Array(count * warmWidth);
  const isWarm = new Uint8Array(count);
  firstRow.forEach((row, id) => {
    baseSlots.set(
      design.baseSlots.subarray(row * baseWidth, (row + 1) * baseWidth),
      id * baseWidth,
    );
    warmSlots.set(
      design.warmSlots.subarray(row * warmWidth, (row + 1) * warmWidth),
      id * warmWidth,
    );
    isWarm[id] = design.isWarm[row] as number;
  });
  return {
    count,
    k,
    names,
    baseSlots,
    baseWidth,
    warmSlots,
    warmWidth,
    isWarm,
    trials,
    errors,
    patternOf,
  };
}
