import { describe, expect, it } from 'vitest';
import { interpretInitProgress, ProgressTracker } from '../../src/engine/progress';
import { estimateRemainingMs } from '../../src/engine/engine';

const MIB = 1024 * 1024;
describe('interpretInitProgress (web-llm 0.2.86 texts)', () => {
  it.each([
    [
      'Fetching param cache[5/20]: 100MB fetched. 25% completed, 3 secs elapsed.',
      0.25,
      0.225,
      100 * MIB,
      400 * MIB,
    ],
    [
      'Loading model from cache[20/20]: 400MB loaded. 100% completed, 1 secs elapsed.',
      1,
      0.9,
      400 * MIB,
      400 * MIB,
    ],
    [
      'Loading GPU shader modules[20/40]: 50% completed, 2 secs elapsed.',
      0.5,
      0.9495,
      undefined,
      undefined,
    ],
    ['Finish loading on WebGPU - nvidia', 1, 1, undefined, undefined],
    ['Start to fetch params', 0, 0, undefined, undefined],
  ])('%s', (text, progress, fraction, loadedBytes, totalBytes) => {
    const report = interpretInitProgress({ progress, timeElapsed: 0, text });
    expect(report.fraction).toBeCloseTo(fraction, 10);
    expect(report.loadedBytes).toBe(loadedBytes);
    expect(report.totalBytes).toBe(totalBytes);
  });

  it('keeps fractions monotonic and stamps elapsed time', () => {
    let clock = 1000;
    const tracker = new ProgressTracker(() => clock);
    clock = 1500;
    const first = tracker.next({
      progress: 0.5,
      timeElapsed: 0,
      text: 'Fetching param cache[1/2]: 10MB fetched.',
    });
    clock = 2000;
    const second = tracker.next({ progress: 0, timeElapsed: 0, text: 'Start to fetch params' });
    expect([first.fraction, second.fraction]).toEqual([0.45, 0.45]);
    expect([first.elapsedMs, second.elapsedMs]).toEqual([500, 1000]);
    expect(estimateRemainingMs(first)).toBe(611);
    expect(estimateRemainingMs({ fraction: 0, text: '', elapsedMs: 10 })).toBeNull();
  });
});
