import { describe, expect, it } from 'vitest';
import { interpretInitProgress, ProgressTracker } from '../../src/engine/progress';
import { estimateRemainingMs } from '../../src/engine/engine';

const MIB = 1024 * 1024;
describe('interpretInitProgress (web-llm 0.2.86 texts)', () => {
  it.each([
    [
      'Fetching param cache[5/20]: 100MB fetched. 25% completed, 3 secs elapsed. It can take a while when we first visit this page to populate the cache. Later refreshes will become faster.',
      0.25,
      false,
      'download',
      0.15,
      100 * MIB,
      400 * MIB,
    ],
    [
      'Loading model from cache[20/20]: 400MB loaded. 100% completed, 1 secs elapsed.',
      1,
      false,
      'load-weights',
      0.9,
      400 * MIB,
      400 * MIB,
    ],
    [
      'Loading model from cache[5/20]: 100MB loaded. 25% completed, 4 secs elapsed.',
      0.25,
      true,
      'load-weights',
      0.675,
      100 * MIB,
      400 * MIB,
    ],
    [
      'Loading GPU shader modules[20/40]: 50% completed, 2 secs elapsed.',
      0.5,
      true,
      'compile-shaders',
      0.9495,
      undefined,
      undefined,
    ],
    ['Finish loading on WebGPU - nvidia', 1, true, 'ready', 1, undefined, undefined],
    ['Start to fetch params', 0, false, 'starting', 0, undefined, undefined],
  ] as const)('%s', (text, progress, hasDownloaded, phase, fraction, loadedBytes, totalBytes) => {
    const report = interpretInitProgress({ progress, timeElapsed: 0, text }, hasDownloaded);
    expect(report.phase).toBe(phase);
    expect(report.phaseFraction).toBe(progress);
    expect(report.fraction).toBeCloseTo(fraction, 10);
    expect(report.loadedBytes).toBe(loadedBytes);
    expect(report.totalBytes).toBe(totalBytes);
  });

  it('separates a download from the read into GPU memory that follows it', () => {
    const tracker = new ProgressTracker(() => 0);
    const texts: [number, string][] = [
      [1, 'Fetching param cache[2/2]: 20MB fetched. 100% completed, 1 secs elapsed.'],
      [0.5, 'Loading model from cache[1/2]: 10MB loaded. 50% completed, 1 secs elapsed.'],
    ];
    const reports = texts.map(([progress, text]) =>
      tracker.next({ progress, timeElapsed: 0, text }),
    );
    expect(reports.map((r) => [r.phase, r.phaseFraction, r.fraction])).toEqual([
      ['download', 1, 0.6],
      ['load-weights', 0.5, 0.75],
    ]);
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
    expect([first.fraction, second.fraction]).toEqual([0.3, 0.3]);
    expect([first.elapsedMs, second.elapsedMs]).toEqual([500, 1000]);
    expect(estimateRemainingMs(first)).toBe(1167);
    expect(estimateRemainingMs({ fraction: 0, text: '', elapsedMs: 10 })).toBeNull();
  });
});
