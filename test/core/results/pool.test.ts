import { describe, expect, it } from 'vitest';
import { createBundle, fromLongCsv, poolBundles, toLongCsv } from '../../../src/core/results';
import type { ResultsBundle } from '../../../src/core/results';
import type { HumanLabel } from '../../../src/core/records';
import type { Arm, ResponseRecord } from '../../../src/core/types';
import { ARMS, ITEMS, RUN, WARM_ARM, makeRecord } from './builders';

function bundleOf(
  device: string,
  runId: string,
  records: ResponseRecord[],
  arms: Arm[] = ARMS,
  labels?: HumanLabel[],
): ResultsBundle {
  return createBundle({
    run: { ...RUN, id: runId },
    arms,
    items: ITEMS.values(),
    records: records.map((record) => ({ ...record, runId })),
    labels,
    appVersion: '0.3.0',
    device: { label: device },
    exportedAt: '2025-06-04T08:00:00.000Z',
  });
}

const LABEL: HumanLabel = {
  key: 'run-1#1',
  outcome: 'correct',
  labeller: 'ann',
  at: '2025-06-05T00:00:00Z',
  isBlind: true,
};

const LAPTOP = bundleOf(
  'Laptop',
  'run-1',
  [makeRecord(), makeRecord({ planIndex: 1, itemId: 'med-1', family: 'medical' })],
  ARMS,
  [LABEL],
);
const PHONE = bundleOf(
  'Phone',
  'run-2',
  [
    makeRecord({ output: 'Jupiter!' }), // same model, arm, item, condition and sample as Laptop's first
    makeRecord({ planIndex: 1, itemId: 'con-1', family: 'conspiracy' }),
    makeRecord({ planIndex: 2, sample: 1 }), // another sample of the same cell: not a duplicate
  ],
  [ARMS[0] as Arm, { ...WARM_ARM, systemPrompt: 'Be very warm.' }],
);
const LAPTOP_AGAIN = bundleOf(
  'Laptop',
  'run-1',
  [makeRecord({ planIndex: 1, itemId: 'med-1', family: 'medical' })],
  ARMS,
  [LABEL],
);

describe('poolBundles', () => {
  const pooled = poolBundles([LAPTOP, PHONE, LAPTOP_AGAIN]);

  it('keeps each response once and tags it with its device and bundle', () => {
    expect(pooled.records.map((r) => [r.device, r.bundleIndex, r.runId, r.planIndex])).toEqual([
      ['Laptop', 0, 'run-1', 0],
      ['Laptop', 0, 'run-1', 1],
      ['Phone', 1, 'run-2', 1],
      ['Phone', 1, 'run-2', 2],
    ]);
    expect(pooled.devices).toEqual(['Laptop', 'Phone']);
  });

  it('reports each duplicate, which copy was kept and why', () => {
    expect(
      pooled.duplicates.map((d) => [d.reason, d.kept.bundleIndex, d.dropped.bundleIndex]),
    ).toEqual([
      ['same-cell', 0, 1],
      ['same-plan-entry', 0, 2],
    ]);
    expect(pooled.duplicates[0]?.message).toBe(
      'bundle 2 ("Phone", run run-2 #0) repeats the same model, arm, item, condition and sample (Qwen2.5-0.5B-Instruct, base, fact-1) as bundle 1 ("Laptop", run run-1 #0); kept bundle 1\'s answer',
    );
    expect(pooled.duplicates[1]?.message).toBe(
      'bundle 3 ("Laptop", run run-1 #1) repeats the same run and plan entry as bundle 1 ("Laptop", run run-1 #1); kept bundle 1\'s answer',
    );
  });

  it('merges arms and items by id and warns about a conflicting definition', () => {
    expect(pooled.arms.map((arm) => arm.id)).toEqual(['base', 'warm']);
    expect(pooled.arms[1]?.systemPrompt).toBe('Be caring and warm.');
    expect(pooled.items.map((item) => item.id)).toEqual(['fact-1', 'med-1', 'con-1']);
    expect(pooled.warnings).toEqual([
      'arm "warm" differs between bundle 1 and bundle 2; kept bundle 1\'s',
    ]);
  });

  it('keeps a label exported twice only once', () => {
    expect(pooled.labels).toEqual([LABEL]);
  });

  it('writes the device as a column of the long CSV', () => {
    const csv = toLongCsv(pooled.records, { items: ITEMS, arms: pooled.arms, appVersion: '0.3.0' });
    const back = fromLongCsv(csv, 'pooled.csv').records;
    expect(back.map((r) => r.device)).toEqual(['Laptop', 'Laptop', 'Phone', 'Phone']);
  });

  it('names unlabelled devices by position and pools a single bundle unchanged', () => {
    const single = poolBundles([{ ...LAPTOP, device: { label: '  ' } }]);
    expect(single.devices).toEqual(['device 1']);
    expect(single.duplicates).toEqual([]);
    expect(single.records).toHaveLength(2);
  });
});
