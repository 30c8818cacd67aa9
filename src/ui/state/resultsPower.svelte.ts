/**
 * State of the power calculator: items × conditions × samples → the smallest paired
 * difference in error rate a base-vs-warm experiment of that size can detect.
 *
 * Owns: the inputs as typed text and the derived result. Invariants: the result is `$derived`
 * through core/stats' `minimumDetectableDifference`; bad input yields a specific message,
 * never NaN.
 */
import type { PowerResult } from '../../core/stats/power';
import { minimumDetectableDifference } from '../../core/stats/power';

export type PowerField = 'items' | 'conditions' | 'samples' | 'baseErrorPct' | 'alpha' | 'power';

export type PowerOutcome =
  { isValid: true; pairs: number; result: PowerResult } | { isValid: false; message: string };

const LABELS: Readonly<Record<PowerField, string>> = {
  items: 'Items',
  conditions: 'Conditions per item',
  samples: 'Samples per prompt',
  baseErrorPct: 'Expected base error rate (%)',
  alpha: 'Significance level α',
  power: 'Power',
};

function readWhole(field: PowerField, text: string): number | string {
  const value = Number(text);
  return Number.isInteger(value) && value >= 1
    ? value
    : `${LABELS[field]} must be a whole number of at least 1 (got "${text}").`;
}

function readFraction(field: PowerField, text: string, scale = 1): number | string {
  const value = Number(text) / scale;
  return text.trim() !== '' && value > 0 && value < 1
    ? value
    : `${LABELS[field]} must be between 0 and ${scale === 1 ? 1 : 100} (got "${text}").`;
}

/** The calculation for the given inputs (pure; exported for tests). */
export function computePower(inputs: Readonly<Record<PowerField, string>>): PowerOutcome {
  const values = [
    readWhole('items', inputs.items),
    readWhole('conditions', inputs.conditions),
    readWhole('samples', inputs.samples),
    readFraction('baseErrorPct', inputs.baseErrorPct, 100),
    readFraction('alpha', inputs.alpha),
    readFraction('power', inputs.power),
  ];
  const problem = values.find((value): value is string => typeof value === 'string');
  if (problem) return { isValid: false, message: problem };
  const [items, conditions, samples, baseErrorRate, alpha, power] = values as number[];
  const pairs = (items as number) * (conditions as number) * (samples as number);
  const result = minimumDetectableDifference({
    pairs,
    baseErrorRate: baseErrorRate as number,
    alpha: alpha as number,
    power: power as number,
  });
  return { isValid: true, pairs, result };
}

export class PowerState {
  #inputs = $state<Record<PowerField, string>>({
    items: '100',
    conditions: '9',
    samples: '1',
    baseErrorPct: '20',
    alpha: '0.05',
    power: '0.8',
  });

  readonly outcome: PowerOutcome = $derived(computePower(this.#inputs));

  readonly labels = LABELS;

  value(field: PowerField): string {
    return this.#inputs[field];
  }

  set(field: PowerField, text: string): void {
    this.#inputs[field] = text;
  }
}
