/**
 * State of the power calculator (Results view): the inputs as typed text and the derived result.
 *
 * Owns: the typed inputs. Invariants: the result is `$derived` through core/stats `computePower`;
 * the correlation estimate is read lazily from the current analysis.
 */
import { PAPER_EFFECT_PP } from '../../core/stats/power';
import type { PowerField, PowerOutcome } from '../../core/stats/powerForm';
import { computePower, POWER_LABELS } from '../../core/stats/powerForm';

export type { PowerField, PowerOutcome };

export class PowerState {
  #inputs = $state<Record<PowerField, string>>({
    items: '100',
    conditions: '9',
    samples: '1',
    baseErrorPct: '20',
    icc: '',
    targetPp: String(PAPER_EFFECT_PP),
    alpha: '0.05',
    power: '0.8',
  });
  // Replaced in the constructor; the derived result reads it lazily.
  #estimatedIcc: () => number | null = () => null;

  /** `estimatedIcc` reads ρ from the current analysis (null when there is none). */
  constructor(estimatedIcc?: () => number | null) {
    if (estimatedIcc) this.#estimatedIcc = estimatedIcc;
  }

  readonly outcome: PowerOutcome = $derived(computePower(this.#inputs, this.#estimatedIcc()));

  readonly labels = POWER_LABELS;

  value(field: PowerField): string {
    return this.#inputs[field];
  }

  set(field: PowerField, text: string): void {
    this.#inputs[field] = text;
  }
}
