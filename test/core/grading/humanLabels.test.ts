import { describe, expect, it } from 'vitest';
import {
  labelRecordKey,
  labelsOfRun,
  labelTarget,
  labelToGrade,
  nextInQueue,
  pairsWithLabels,
  recordKey,
  storedLabelKey,
} from '../../../src/core/grading';
import type { HumanLabel } from '../../../src/core/grading';
import type { ResponseRecord } from '../../../src/core/types';
import { makeRecord } from '../results/builders';

function record(runId: string, planIndex: number): ResponseRecord {
  return makeRecord({
    runId,
    planIndex,
    armId: planIndex % 2 === 0 ? 'base' : 'warm',
    itemId: 'i',
  });
}

function label(
  key: string,
  labeller = 'ana',
  outcome: HumanLabel['outcome'] = 'correct',
): HumanLabel {
  return { key, outcome, labeller, at: '2025-01-02T00:00:00Z' };
}

const RECORDS = [record('r1', 2), record('r1', 0), record('r1', 1)];

describe('nextInQueue', () => {
  it.each<[string, HumanLabel[], string | undefined, string | null, number]>([
    ['first in plan order', [], undefined, 'r1#0', 3],
    ['skips labelled', [label('r1#0')], undefined, 'r1#1', 2],
    ["another labeller's label does not count for ana", [label('r1#0', 'ben')], 'ana', 'r1#0', 3],
    ['all done', [label('r1#0'), label('r1#1'), label('r1#2')], undefined, null, 0],
  ])('%s', (_name, labels, labeller, key, remaining) => {
    const entry = nextInQueue(RECORDS, labels, {
      isBlind: false,
      ...(labeller ? { labeller } : {}),
    });
    expect(entry?.key ?? null).toBe(key);
    expect(entry?.remaining ?? 0).toBe(remaining);
  });

  it('hides grades in blind mode and keeps them otherwise', () => {
    expect(nextInQueue(RECORDS, [], { isBlind: true })?.record.grades).toEqual([]);
    expect(nextInQueue(RECORDS, [], { isBlind: false })?.record.grades).toHaveLength(1);
  });
});

describe('labels as grades and agreement pairs', () => {
  it('turns a label into a human grade', () => {
    expect(labelToGrade(label('r1#0', 'ana', 'refusal'))).toEqual({
      outcome: 'refusal',
      grader: 'human:ana',
      reason: 'human label',
      at: '2025-01-02T00:00:00Z',
    });
  });

  it('pairs labels with the rule grade of the same record', () => {
    const pairs = pairsWithLabels(
      RECORDS,
      [label('r1#1', 'ana', 'incorrect'), label('nope#9')],
      'rule:',
    );
    expect(pairs).toEqual([{ a: 'correct', b: 'incorrect', family: 'factual', arm: 'warm' }]);
  });
});

describe('one key format', () => {
  const stored = (key: string, labeller: string) => ({
    key,
    labeller,
    outcome: 'correct' as const,
    at: '2025-01-02T00:00:00Z',
    isBlind: true,
  });

  it.each([
    ['run-a', 0, 'alice', 'run-a#0#alice'],
    ['run#with#hashes', 12, 'ana#1', 'run#with#hashes#12#ana#1'],
    ['cmp-lx3k2a9f-4k2j9a', 3, 'bob smith', 'cmp-lx3k2a9f-4k2j9a#3#bob smith'],
  ])('run %s #%i by "%s" is stored as %s and parses back', (runId, planIndex, labeller, key) => {
    expect(storedLabelKey(runId, planIndex, labeller)).toBe(key);
    expect(labelTarget(stored(key, labeller))).toEqual({ runId, planIndex });
    expect(labelRecordKey(stored(key, labeller))).toBe(recordKey({ runId, planIndex }));
  });

  it.each([
    ['run-a#4', 'alice', { runId: 'run-a', planIndex: 4 }],
    ['run-a:7', 'alice', { runId: 'run-a', planIndex: 7 }],
    ['run-a#x#alice', 'alice', null],
    ['run-a#2#bob', 'alice', null],
    ['#3#alice', 'alice', null],
  ])('older or foreign key %s by %s → %j', (key, labeller, target) => {
    expect(labelTarget(stored(key, labeller))).toEqual(target);
  });

  it('reads one run’s stored labels in the grading form, with the blind flag', () => {
    const labels = labelsOfRun(
      [stored('run-a#1#ana', 'ana'), stored('run-b#1#ana', 'ana'), stored('run-a:2', 'ben')],
      'run-a',
    );
    expect(labels).toEqual([
      {
        key: 'run-a#1',
        outcome: 'correct',
        labeller: 'ana',
        at: '2025-01-02T00:00:00Z',
        isBlind: true,
      },
      {
        key: 'run-a#2',
        outcome: 'correct',
        labeller: 'ben',
        at: '2025-01-02T00:00:00Z',
        isBlind: true,
      },
    ]);
  });

  it('a blind label’s grade says so', () => {
    expect(labelToGrade({ ...stored('run-a#1#ana', 'ana') }).reason).toBe(
      'human label (blind to the arm)',
    );
  });
});
