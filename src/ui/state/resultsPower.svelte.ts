/**
 * State of the power calculator: questions × prompts per question → the smallest paired
 * difference in error rate a base-vs-warm experiment can detect, and the questions it needs
 * for a target difference, counting the correlation of one question's prompts.
 *
 * Owns: the inputs as typed text and the derived result. Invariants: the result is `$derived`
 * through core/stats' `planQuestionPower`; the intra-question correlation is the one typed in,
 * else the one estimated from the analysed results, else core's documented default; bad input
 * yields a specific message, never NaN.
 */
import type { QuestionPowerResult } from '../../core/stats/power';
import { DEFAULT_QUESTION_ICC, PAPER_EFFECT_PP, planQuestionPower } from '../../core/stats/power';

export type PowerField =
  'items' | 'conditions' | 'samples' | 'baseErrorPct' | 'icc' | 'targetPp' | 'alpha' | 'power';

export type PowerOutcome =
  | { isValid: true; pairs: number; result: QuestionPowerResult; iccFrom: string }
  | { isValid: false; message: string };

const LABELS: Readonly<Record<PowerField, string>> = {
  items: 'Questions',
  conditions: 'Conditions per question',
  samples: 'Samples per prompt',
  baseErrorPct: 'Expected base error rate (%)',
  icc: 'Intra-question correlation ρ (blank: from results or default)',
  targetPp: 'Difference to detect (pp)',
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

/** ρ as typed (0–1), else the estimate from results, else null (core's default). */
function readIcc(
  text: string,
  estimated: number | null,
): { icc: number | null; from: string } | string {
  if (text.trim() === '') {
    return estimated === null
      ? {
          icc: null,
          from: `default ρ = ${DEFAULT_QUESTION_ICC} (no results with repeated prompts)`,
        }
      : { icc: estimated, from: `ρ = ${estimated.toFixed(3)} estimated from the analysed results` };
  }
  const value = Number(text);
  return value >= 0 && value <= 1
    ? { icc: value, from: `ρ = ${value} as entered` }
    : `${LABELS.icc} must be between 0 and 1 (got "${text}").`;
}

/** The calculation for the given inputs and estimated ρ (pure; exported for tests). */
export function computePower(
  inputs: Readonly<Record<PowerField, string>>,
  estimatedIcc: number | null = null,
): PowerOutcome {
  const values = [
    readWhole('items', inputs.items),
    readWhole('conditions', inputs.conditions),
    readWhole('samples', inputs.samples),
    readFraction('baseErrorPct', inputs.baseErrorPct, 100),
    readFraction('targetPp', inputs.targetPp, 100),
    readFraction('alpha', inputs.alpha),
    readFraction('power', inputs.power),
  ];
  const icc = readIcc(inputs.icc, estimatedIcc);
  const problem = [...values, icc].find((value): value is string => typeof value === 'string');
  if (problem) return { isValid: false, message: problem };
  const [questions, conditions, samples, baseErrorRate, target, alpha, power] = values as number[];
  const { icc: rho, from } = icc as { icc: number | null; from: string };
  const promptsPerQuestion = (conditions as number) * (samples as number);
  const result = planQuestionPower({
    questions: questions as number,
    promptsPerQuestion,
    baseErrorRate: baseErrorRate as number,
    icc: rho,
    targetDifferencePp: (target as number) * 100,
    alpha: alpha as number,
    power: power as number,
  });
  return { isValid: true, pairs: result.pairs, result, iccFrom: from };
}

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

  readonly labels = LABELS;

  value(field: PowerField): string {
    return this.#inputs[field];
  }

  set(field: PowerField, text: string): void {
    this.#inputs[field] = text;
  }
}
