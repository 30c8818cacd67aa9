import { describe, expect, it } from 'vitest';
import { UpdateBatcher, type BatchTimers } from '../../../src/core/experiment/batch';

/** A manual clock: timers fire only when the test advances time. */
function createClock(): BatchTimers & { advance(ms: number): void } {
  let now = 0;
  let timers: { at: number; callback: () => void; id: number }[] = [];
  let nextId = 1;
  return {
    now: () => now,
    setTimeout: (callback, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, callback, id });
      return id;
    },
    clearTimeout: (id) => {
      timers = timers.filter((t) => t.id !== id);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const next = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
        if (next === undefined) break;
        timers = timers.filter((t) => t !== next);
        now = next.at;
        next.callback();
      }
      now = end;
    },
  };
}

describe('UpdateBatcher', () => {
  it('delivers the first update at once, then at most one flush per interval, dropping nothing', () => {
    const clock = createClock();
    const flushes: { items: number[]; status: string | null; at: number }[] = [];
    const batcher = new UpdateBatcher<number, string>(
      (items, status) => flushes.push({ items, status, at: clock.now() }),
      300,
      clock,
    );
    batcher.setStatus('start');
    for (let i = 1; i <= 10; i++) {
      clock.advance(50);
      batcher.add(i);
      batcher.setStatus(`p${i}`);
    }
    clock.advance(1000);
    expect(flushes).toEqual([
      { items: [], status: 'start', at: 0 },
      { items: [1, 2, 3, 4, 5], status: 'p5', at: 300 },
      { items: [6, 7, 8, 9, 10], status: 'p10', at: 600 },
    ]);
  });

  it('flush() delivers pending items synchronously and cancels the timer', () => {
    const clock = createClock();
    const seen: number[][] = [];
    const batcher = new UpdateBatcher<number, string>((items) => seen.push(items), 300, clock);
    batcher.add(1);
    batcher.add(2);
    batcher.add(3);
    batcher.flush();
    batcher.flush();
    clock.advance(1000);
    expect(seen).toEqual([[1], [2, 3]]);
  });
});
