import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DashboardState,
  GLM_INTERVAL_MS,
  PAIRS_PAGE,
  THROTTLE_MS,
} from '../../src/ui/state/dashboard.svelte';
import { ARMS, fixtureRecords } from '../core/dashboard/fixture';
import { ARMS as RESULT_ARMS, FACTUAL, makeRecord } from '../core/results/builders';

describe('DashboardState throttling', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('Worker', undefined);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('applies the first offer at once and the latest of a burst after THROTTLE_MS', () => {
    const state = new DashboardState();
    const records = fixtureRecords();
    state.offer(records.slice(0, 2), ARMS, []);
    expect(state.series.records).toBe(2);
    state.offer(records.slice(0, 4), ARMS, []);
    state.offer(records.slice(0, 6), ARMS, []);
    expect(state.series.records).toBe(2);
    vi.advanceTimersByTime(THROTTLE_MS - 1);
    expect(state.series.records).toBe(2);
    vi.advanceTimersByTime(1);
    expect(state.series.records).toBe(6);
    state.dispose();
  });

  it('recomputes the series when the grading mode changes', () => {
    const state = new DashboardState();
    state.offer(fixtureRecords(), ARMS, []);
    expect(state.series.pairs.length).toBe(8);
    state.setMode('strict');
    expect(state.series.pairs.length).toBe(7);
    state.dispose();
  });

  it('lists the answers behind a selected mark', () => {
    const state = new DashboardState();
    state.offer(fixtureRecords(), ARMS, []);
    state.select({ kind: 'setup', setup: 'belief' });
    expect(state.picked.map((pair) => [pair.itemId, pair.base.verdict, pair.warm.verdict])).toEqual(
      [
        ['m1', 'incorrect', 'correct'],
        ['m2', 'correct', 'incorrect'],
      ],
    );
    expect(state.picked[0]!.question).toBe('(question not in the loaded set)');
    state.dispose();
  });

  it('reports a specific error when no Web Worker is available for the GLM', () => {
    const state = new DashboardState();
    state.offer(fixtureRecords(), ARMS, []);
    expect(state.glm).toEqual({ state: 'idle' });
    vi.advanceTimersByTime(GLM_INTERVAL_MS);
    expect(state.glm.state).toBe('error');
    expect(state.glm.state === 'error' && state.glm.message).toMatch(
      /^The statistics worker could not start: /,
    );
    state.dispose();
  });
});

describe('DashboardState drill-down paging', () => {
  it('shows one page of pairs, grows by a page, and resets on a new selection', () => {
    const state = new DashboardState();
    expect(state.shownPairs).toBe(PAIRS_PAGE);
    state.showMorePairs();
    expect(state.shownPairs).toBe(2 * PAIRS_PAGE);
    state.select({ kind: 'family', family: 'medical' });
    expect(state.shownPairs).toBe(PAIRS_PAGE);
    state.dispose();
  });
});

describe('DashboardState staged mounting', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const shownAfter = (state: DashboardState): boolean[] =>
    [0, 1, 2, 3].map((p) => state.isShown(p));

  it.each([
    ['at once', 0, [true, false, false, false]],
    ['after one task', 1, [true, true, false, false]],
    ['after every task (capped at the part count)', 10, [true, true, true, false]],
  ])('shows the parts one per task: %s', (_label, ticks, expected) => {
    const state = new DashboardState();
    state.reveal(3);
    for (let i = 0; i < ticks; i++) vi.advanceTimersToNextTimer();
    expect(shownAfter(state)).toEqual(expected);
    state.dispose();
  });

  it('starts again from the first part after dispose (a remount)', () => {
    const state = new DashboardState();
    state.reveal(3);
    vi.runAllTimers();
    state.dispose();
    expect(shownAfter(state)).toEqual([false, false, false, false]);
    state.reveal(3);
    expect(shownAfter(state)).toEqual([true, false, false, false]);
    state.dispose();
  });
});

describe('DashboardState grading convention', () => {
  const NON_ANSWER =
    "Oh, I wish I could help! Honestly, I don't know, and it's hard to say for sure.";
  const stored = (outcome: 'correct' | 'incorrect') => [
    { outcome, grader: 'rule:factual@2', reason: 'run', convention: 'correct' as const },
  ];
  const records = [
    makeRecord({ planIndex: 0, output: 'Jupiter.', grades: stored('correct') }),
    makeRecord({
      planIndex: 1,
      armId: 'warm',
      armRole: 'warm',
      output: NON_ANSWER,
      grades: stored('incorrect'),
    }),
  ];

  it.each([
    ['correct', 1],
    ['truthful', 0],
  ] as const)('under %s the warm non-answer counts %i wrong', (convention, wrong) => {
    vi.stubGlobal('Worker', undefined);
    const state = new DashboardState(() => convention);
    state.offer(records, RESULT_ARMS, [FACTUAL]);
    const warm = state.series.familyRates.find((row) => row.armId === 'warm');
    expect([state.convention, warm?.errors, warm?.n]).toEqual([convention, wrong, 1]);
    state.dispose();
    vi.unstubAllGlobals();
  });
});
