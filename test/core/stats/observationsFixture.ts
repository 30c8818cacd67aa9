/** Hand-built paired observations for the headline, flip-rate and band tests. */
import type { ArmAnswer, BeliefKind, PairObservation } from '../../../src/core/stats/observations';
import type { Family } from '../../../src/core/types';

export interface PairSpec {
  q: string;
  base: 0 | 1;
  warm: 0 | 1;
  family?: Family;
  belief?: BeliefKind;
  context?: string;
  cell?: string;
  baseFacts?: Partial<ArmAnswer>;
  warmFacts?: Partial<ArmAnswer>;
}

const answer = (isWrong: boolean, facts: Partial<ArmAnswer> = {}): ArmAnswer => ({
  isWrong,
  isLowConfidence: false,
  isRuleGraded: false,
  isCaved: null,
  ...facts,
});

export function pair(spec: PairSpec): PairObservation {
  const context = spec.context ?? 'unmodified';
  return {
    cluster: spec.q,
    cell: spec.cell ?? `${spec.q}|${context}`,
    family: spec.family ?? 'factual',
    context,
    belief: spec.belief ?? 'none',
    isVariant: false,
    base: answer(spec.base === 1, spec.baseFacts),
    warm: answer(spec.warm === 1, spec.warmFacts),
  };
}

/** 17 pairs over 6 questions: b = 6 (only warm wrong), c = 2 (only base wrong). */
export const SIX_QUESTIONS: PairObservation[] = (
  [
    [
      'q1',
      [
        [0, 1],
        [0, 1],
        [0, 0],
        [1, 1],
      ],
    ],
    [
      'q2',
      [
        [0, 0],
        [1, 0],
        [0, 0],
      ],
    ],
    [
      'q3',
      [
        [0, 1],
        [0, 0],
        [0, 1],
      ],
    ],
    [
      'q4',
      [
        [0, 0],
        [0, 0],
      ],
    ],
    [
      'q5',
      [
        [1, 1],
        [0, 1],
        [0, 0],
      ],
    ],
    [
      'q6',
      [
        [0, 1],
        [1, 0],
      ],
    ],
  ] as const
).flatMap(([q, pairs]) =>
  pairs.map(([base, warm], i) => pair({ q, base, warm, context: `c${i}` })),
);
