import { describe, expect, it } from 'vitest';
import { computeAgreement } from '../../../src/core/grading';
import type { HumanLabel as StoredLabel } from '../../../src/core/records';
import type { Grade, Outcome, ResponseRecord } from '../../../src/core/types';
import {
  acceptsTyping,
  actionForKey,
  comparedRecords,
  countGrades,
  countLabelled,
  describeAccuracy,
  describeKappa,
  estimateJudgeEtaMs,
  gradedKeys,
  graderChoices,
  humanGrade,
  labelsOfRun,
  latestGrade,
  matchesGrader,
  shortcutOf,
  storedLabelKey,
} from '../../../src/core/review/reviewLogic';

function grade(grader: string, outcome: Outcome): Grade {
  return { grader, outcome, reason: `${grader} says ${outcome}` };
}

function record(planIndex: number, grades: Grade[], runId = 'run-a'): ResponseRecord {
  return {
    runId,
    planIndex,
    armId: planIndex % 2 === 0 ? 'base' : 'warm',
    armRole: planIndex % 2 === 0 ? 'base' : 'warm',
    modelId: 'm',
    itemId: `item-${planIndex}`,
    family: planIndex < 2 ? 'factual' : 'medical',
    condition: { context: 'none', belief: 'none' },
    sample: 0,
    prompt: { text: `question ${planIndex}`, variantIds: {} },
    output: `answer ${planIndex}`,
    finishReason: 'stop',
    grades,
    usage: { promptTokens: 1, completionTokens: 1 },
    elapsedMs: 1,
    createdAt: '2025-01-01T00:00:00.000Z',
  };
}

function stored(key: string, labeller: string, outcome: Outcome = 'correct'): StoredLabel {
  return { key, labeller, outcome, at: '2025-01-02T00:00:00.000Z', isBlind: false };
}

describe('queue keys', () => {
  it.each([
    ['c', 'correct'],
    ['C', 'correct'],
    ['i', 'incorrect'],
    ['r', 'refusal'],
    ['s', 'skip'],
    ['x', null],
    ['Enter', null],
  ] as const)('%s means %s', (key, action) => {
    expect(actionForKey(key)).toBe(action);
  });

  it.each([
    ['correct', 'c'],
    ['incorrect', 'i'],
    ['refusal', 'r'],
    ['skip', 's'],
  ] as const)('the %s button shows the shortcut %s', (action, key) => {
    expect(shortcutOf(action)).toBe(key);
  });
});

describe('stored label keys', () => {
  it.each([
    ['run-a', 0, 'alice'],
    ['run-a', 12, 'bob smith'],
    ['run#with#hashes', 3, 'ana#1'],
    ['run-a', 7, ''],
  ])('run %s #%i by "%s" parses back to its record', (runId, planIndex, labeller) => {
    const key = storedLabelKey(runId, planIndex, labeller);
    const [label] = labelsOfRun([stored(key, labeller, 'refusal')], runId);
    expect(label).toEqual({
      key: `${runId}#${planIndex}`,
      outcome: 'refusal',
      labeller,
      at: '2025-01-02T00:00:00.000Z',
      isBlind: false,
    });
  });

  it('ignores labels of other runs and keys that do not end with a plan index', () => {
    const labels = labelsOfRun(
      [
        stored(storedLabelKey('run-b', 1, 'alice'), 'alice'),
        stored('run-a#x#alice', 'alice'),
        stored('run-a#2#bob', 'alice'),
        stored(storedLabelKey('run-a', 4, 'alice'), 'alice'),
      ],
      'run-a',
    );
    expect(labels.map((l) => l.key)).toEqual(['run-a#4']);
  });

  it('counts only this labeller’s labels of records in the run', () => {
    const records = [record(0, []), record(1, []), record(2, [])];
    const labels = labelsOfRun(
      [
        stored(storedLabelKey('run-a', 0, 'alice'), 'alice'),
        stored(storedLabelKey('run-a', 2, 'alice'), 'alice'),
        stored(storedLabelKey('run-a', 1, 'bob'), 'bob'),
        stored(storedLabelKey('run-a', 9, 'alice'), 'alice'),
      ],
      'run-a',
    );
    expect(countLabelled(records, labels, 'alice')).toBe(2);
    expect(countLabelled(records, labels, 'bob')).toBe(1);
    expect(countLabelled(records, labels, 'carol')).toBe(0);
  });

  it.each([
    [false, 'human label'],
    [true, 'human label (blind to the arm)'],
  ])('a label (blind %s) becomes a human:<name> grade with reason "%s"', (isBlind, reason) => {
    const label = { ...stored('k', 'alice', 'incorrect'), isBlind };
    expect(humanGrade(label)).toEqual({
      outcome: 'incorrect',
      grader: 'human:alice',
      reason,
      at: '2025-01-02T00:00:00.000Z',
    });
  });
});

describe('grader choices', () => {
  it.each([
    ['rule', 'rule:factual@1', true],
    ['rule', 'rules:x', false],
    ['judge', 'judge:qwen', true],
    ['judge:qwen', 'judge:qwen', true],
    ['judge:qwen', 'judge:qwen-large', false],
    ['human', 'human:alice', true],
    ['human:alice', 'human:bob', false],
  ])('choice %s matches %s: %s', (choice, grader, expected) => {
    expect(matchesGrader(choice, grader)).toBe(expected);
  });

  it('takes the latest matching grade, since relabelling appends', () => {
    const r = record(0, [
      grade('human:alice', 'correct'),
      grade('rule:factual@1', 'incorrect'),
      grade('human:alice', 'refusal'),
      grade('human:bob', 'correct'),
    ]);
    expect(latestGrade(r, 'human:alice')?.outcome).toBe('refusal');
    expect(latestGrade(r, 'human')?.outcome).toBe('correct');
    expect(latestGrade(r, 'rule')?.outcome).toBe('incorrect');
    expect(latestGrade(r, 'judge')).toBeUndefined();
  });

  it.each([
    [[], ['rule', 'judge', 'human']],
    [[grade('judge:a', 'correct')], ['rule', 'judge', 'human']],
    [
      [grade('judge:b', 'correct'), grade('judge:a', 'correct'), grade('human:x', 'correct')],
      ['rule', 'judge', 'human', 'judge:a', 'judge:b'],
    ],
    [
      [grade('human:x', 'correct'), grade('human:y', 'correct')],
      ['rule', 'judge', 'human', 'human:x', 'human:y'],
    ],
  ])('grades %j offer %j', (grades, expected) => {
    expect(graderChoices([record(0, grades)])).toEqual(expected);
  });

  it('counts answers and grades per grader', () => {
    const records = [
      record(0, [grade('rule:factual@1', 'correct'), grade('human:a', 'correct')]),
      record(1, [grade('human:a', 'correct'), grade('human:a', 'incorrect')]),
    ];
    expect(countGrades(records)).toEqual([
      { grader: 'human:a', answers: 2, grades: 3 },
      { grader: 'rule:factual@1', convention: 'correct', answers: 1, grades: 1 },
    ]);
  });

  it('counts a judge apart under each convention', () => {
    const truthful: Grade = { ...grade('judge:a', 'correct'), convention: 'truthful' };
    const records = [
      record(0, [grade('judge:a', 'incorrect'), truthful]),
      record(1, [truthful, truthful]),
    ];
    expect(countGrades(records)).toEqual([
      { grader: 'judge:a', convention: 'correct', answers: 1, grades: 1 },
      { grader: 'judge:a', convention: 'truthful', answers: 2, grades: 3 },
    ]);
  });

  it('finds the records a judge has already graded', () => {
    const records = [
      record(0, [grade('judge:a', 'correct')]),
      record(1, [grade('judge:b', 'correct')]),
      record(2, [grade('judge:a', 'unparseable')]),
    ];
    expect([...gradedKeys(records, 'judge:a')]).toEqual(['run-a#0', 'run-a#2']);
  });
});

describe('agreement over records', () => {
  // Rule vs human on five answers; answer 4 has no human label and is left out.
  const records = [
    record(0, [grade('rule:factual@1', 'correct'), grade('human:a', 'correct')]),
    record(1, [grade('rule:factual@1', 'incorrect'), grade('human:a', 'incorrect')]),
    record(2, [grade('rule:medical@1', 'incorrect'), grade('human:a', 'correct')]),
    record(3, [grade('rule:medical@1', 'refusal'), grade('human:a', 'refusal')]),
    record(4, [grade('rule:medical@1', 'correct')]),
  ];

  it('pairs each doubly graded answer once, with its key, family and arm', () => {
    const compared = comparedRecords(records, 'rule', 'human');
    expect(compared.map((c) => c.key)).toEqual(['run-a#0', 'run-a#1', 'run-a#2', 'run-a#3']);
    expect(compared[2]?.pair).toEqual({
      a: 'incorrect',
      b: 'correct',
      family: 'medical',
      arm: 'base',
    });
  });

  it('gives the kappa computed by hand: po = 3/4, pe = 5/16, kappa = 7/11', () => {
    const report = computeAgreement(comparedRecords(records, 'rule', 'human').map((c) => c.pair));
    expect(report.accuracy).toBe(0.75);
    expect(describeAccuracy(report.accuracy)).toBe('75.0%');
    expect(report.kappa).toBeCloseTo(7 / 11, 12);
    expect(describeKappa(report)).toBe('0.636');
    expect(report.disagreements).toEqual([2]);
  });

  it.each([
    [{ kappa: null, kappaNote: 'no pairs' }, 'not defined: no pairs'],
    [
      { kappa: null, kappaNote: 'kappa undefined: both graders used a single class' },
      'not defined: both graders used a single class',
    ],
    [{ kappa: Number.NaN }, 'not defined: no pairs'],
    [{ kappa: -0.25 }, '-0.250'],
    [{ kappa: 1 }, '1.000'],
  ])('kappa %j is shown as "%s"', (summary, expected) => {
    expect(describeKappa(summary)).toBe(expected);
  });

  it.each([
    [null, 'not defined: no pairs'],
    [Number.NaN, 'not defined: no pairs'],
    [0, '0.0%'],
    [2 / 3, '66.7%'],
  ])('accuracy %s is shown as "%s"', (accuracy, expected) => {
    expect(describeAccuracy(accuracy)).toBe(expected);
  });
});

describe('judge ETA', () => {
  it.each([
    [{ elapsedMs: 0, judgedNow: 0, remaining: 10 }, null],
    [{ elapsedMs: 5000, judgedNow: 0, remaining: 10 }, null],
    [{ elapsedMs: 4000, judgedNow: 2, remaining: 3 }, 6000],
    [{ elapsedMs: 1000, judgedNow: 3, remaining: 0 }, 0],
    [{ elapsedMs: Number.NaN, judgedNow: 3, remaining: 2 }, null],
  ])('%j leaves %s ms', (pace, expected) => {
    expect(estimateJudgeEtaMs(pace)).toBe(expected);
  });
});

describe('acceptsTyping', () => {
  it.each<[string, string, string, boolean, boolean]>([
    ['a text box', 'INPUT', 'text', false, true],
    ['a number box', 'input', 'number', false, true],
    ['a search box', 'INPUT', 'search', false, true],
    ['a text area', 'TEXTAREA', '', false, true],
    ['a select', 'SELECT', '', false, true],
    ['editable text', 'DIV', '', true, true],
    ['a checkbox', 'INPUT', 'checkbox', false, false],
    ['a button', 'BUTTON', '', false, false],
    ['the answer card', 'DIV', '', false, false],
    ['the page', 'BODY', '', false, false],
  ])('%s → %s', (_name, tagName, type, isContentEditable, expected) => {
    expect(acceptsTyping({ tagName, type, isContentEditable })).toBe(expected);
  });
});
