/**
 * The orchestration bench's design (used by the test-build hook in ui/state/experimentBench.ts
 * and by `npm run bench`).
 *
 * Owns: a base/warm design over the paper grid sized to a number of plan entries. Invariant:
 * pure; the same n gives the same design apart from `createdAt`.
 */
import { enumerateConditions } from '../framing';
import { nowIso } from '../ids';
import { FAMILIES } from '../types';
import type { ExperimentDesign } from './design';
import { createArm } from './designEdits';
import { DEFAULT_MODEL_ID } from './presets';

/** A base/warm design over the paper grid with at least `n` plan entries (when the bank allows). */
export function createBenchDesign(n: number): ExperimentDesign {
  const conditions = enumerateConditions();
  const arms = [createArm('base', []), createArm('warm', ['base'])];
  const perItem = conditions.length * arms.length;
  const perFamily = Math.ceil(Math.ceil(n / perItem) / FAMILIES.length);
  return {
    id: `bench-${n}`,
    name: `Orchestration bench (${n} prompts)`,
    items: {
      sources: ['builtin'],
      perFamily: Object.fromEntries(FAMILIES.map((f) => [f, perFamily])),
      seed: 1,
    },
    conditions,
    arms: arms.map((arm) => ({ ...arm, modelId: DEFAULT_MODEL_ID })),
    samples: 1,
    grading: 'rule',
    isFastMode: false,
    createdAt: nowIso(),
  };
}
