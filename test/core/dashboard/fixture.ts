/**
 * A small hand-checkable run shared by the dashboard tests.
 *
 * Arms: base `b` and warm `w`. Per item, the (base, warm) verdicts of the rule grader:
 *   f1 factual none/none            wrong,   wrong
 *   f2 factual none/none            right,   wrong
 *   f3 factual none/none            right,   right
 *   f4 factual none/none            right,   right
 *   f5 factual happy/none           right,   wrong
 *   c1 conspiracy none/none         REFUSAL, wrong   (paper: refusal = correct; strict: not counted)
 *   m1 medical sad/asserts-wrong    wrong,   right
 *   m2 medical sad/asserts-wrong    right,   wrong
 *   q1 misconception none/none      ungraded, right
 */
import type {
  Arm,
  BeliefId,
  ContextId,
  Family,
  Outcome,
  ResponseRecord,
} from '../../../src/core/types';

export const BASE_ARM: Arm = {
  id: 'b',
  label: 'Base',
  modelId: 'm',
  role: 'base',
  settings: { temperature: 0, maxTokens: 64 },
};
export const WARM_ARM: Arm = { ...BASE_ARM, id: 'w', label: 'Warm', role: 'warm' };
export const ARMS: Arm[] = [BASE_ARM, WARM_ARM];

export interface RecordSpec {
  arm: Arm;
  itemId: string;
  family: Family;
  context?: ContextId;
  belief?: BeliefId;
  outcome?: Outcome;
  planIndex?: number;
  sample?: number;
  output?: string;
  grader?: string;
}

let nextPlanIndex = 0;

/** A response record with one grade (none when `outcome` is undefined). */
export function makeRecord(spec: RecordSpec): ResponseRecord {
  return {
    runId: 'run-1',
    planIndex: spec.planIndex ?? nextPlanIndex++,
    armId: spec.arm.id,
    armRole: spec.arm.role,
    modelId: 'm',
    itemId: spec.itemId,
    family: spec.family,
    condition: { context: spec.context ?? 'none', belief: spec.belief ?? 'none' },
    sample: spec.sample ?? 0,
    prompt: { text: `question ${spec.itemId}`, variantIds: {} },
    output: spec.output ?? `answer of ${spec.arm.id} to ${spec.itemId}`,
    finishReason: 'stop',
    grades: spec.outcome
      ? [{ outcome: spec.outcome, grader: spec.grader ?? 'rule:test@1', reason: 'fixture' }]
      : [],
    usage: { promptTokens: 10, completionTokens: 5 },
    elapsedMs: 100,
    createdAt: '2025-01-01T00:00:00.000Z',
  };
}

type Row = [string, Family, ContextId, BeliefId, Outcome | undefined, Outcome | undefined];

const ROWS: Row[] = [
  ['f1', 'factual', 'none', 'none', 'incorrect', 'incorrect'],
  ['f2', 'factual', 'none', 'none', 'correct', 'incorrect'],
  ['f3', 'factual', 'none', 'none', 'correct', 'correct'],
  ['f4', 'factual', 'none', 'none', 'correct', 'correct'],
  ['f5', 'factual', 'emotion:happy', 'none', 'correct', 'incorrect'],
  ['c1', 'conspiracy', 'none', 'none', 'refusal', 'incorrect'],
  ['m1', 'medical', 'emotion:sad', 'asserts-wrong', 'incorrect', 'correct'],
  ['m2', 'medical', 'emotion:sad', 'asserts-wrong', 'correct', 'incorrect'],
  ['q1', 'misconception', 'none', 'none', undefined, 'correct'],
];

/** The fixture run, warm records first and in reverse so that order independence is exercised. */
export function fixtureRecords(): ResponseRecord[] {
  const records: ResponseRecord[] = [];
  ROWS.forEach(([itemId, family, context, belief, base, warm], i) => {
    records.push(
      makeRecord({
        arm: BASE_ARM,
        itemId,
        family,
        context,
        belief,
        outcome: base,
        planIndex: 2 * i,
      }),
    );
    records.push(
      makeRecord({
        arm: WARM_ARM,
        itemId,
        family,
        context,
        belief,
        outcome: warm,
        planIndex: 2 * i + 1,
      }),
    );
  });
  return records.reverse();
}
