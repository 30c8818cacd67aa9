/**
 * The power calculator's form: typed text for questions, prompts per question, base error rate,
 * intra-question correlation, target difference, α and power → `planQuestionPower`'s result, or
 * one specific message naming the field that is wrong.
 *
 * Owns: field labels and reading the typed values. Invariants: never NaN; a blank correlation
 * means the one estimated from analysed results, else core's documented default.
 */
import type { QuestionPowerResult } from './power';
import { DEFAULT_QUESTION_ICC, planQuestionPower } from './power';

export type PowerField =
  'items' | 'conditions' | 'samples' | 'baseErrorPct' | 'icc' | 'targetPp' | 'alpha' | 'power';

export type PowerOutcome =
  | { isValid: true; pairs: number; result: QuestionPowerResult; iccFrom: string }
  | { isValid: false; message: string };

export const POWER_LABELS: Readonly<Record<PowerField, string>> = {
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
    : `${POWER_LABELS[field]} must be a whole number of at least 1 (got "${text}").`;
}

function readFraction(field: PowerField, text: string, scale = 1): number | string {
  const value = Number(text) / scale;
  return text.trim() !== '' && value > 0 && value < 1
    ? value
    : `${POWER_LABELS[field]} must be between 0 and ${scale === 1 ? 1 : 100} (got "${text}").`;
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
    : `${POWER_LABELS.icc} must be between 0 and 1 (got "${text}").`;
}

/** The calculation for the given inputs and estimated ρ . */
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
