import { describe, expect, it } from 'vitest';
import { storedLabelKey } from '../../src/core/grading';
import type { HumanLabel } from '../../src/core/records';
import { createBundle, parseBundle, serializeBundle } from '../../src/core/results';
import type { ResultsBundle } from '../../src/core/results';
import { createRepositories } from '../../src/storage';
import { restoreBundle, restoreBundles } from '../../src/storage/bundleRestore';
import { ARMS, FACTUAL, ITEMS, RUN, sampleRecords } from '../core/results/builders';
import { openTestDb } from './helpers';

const AT = '2025-07-01T00:00:00.000Z';
const BUILTIN = new Set<string>([FACTUAL.id]);

function label(planIndex: number, labeller: string, isBlind: boolean): HumanLabel {
  return {
    key: storedLabelKey(RUN.id, planIndex, labeller),
    outcome: planIndex % 2 === 0 ? 'correct' : 'incorrect',
    labeller,
    at: `2025-06-0${planIndex + 1}T10:00:00.000Z`,
    isBlind,
  };
}

const LABELS = [0, 1, 2, 3].flatMap((i) => [label(i, 'alice', true), label(i, 'bob', false)]);

/** A bundle as exported from another browser, through its JSON text. */
function exported(overrides: Partial<Parameters<typeof createBundle>[0]> = {}): ResultsBundle {
  const bundle = createBundle({
    run: {
      ...RUN,
      design: { ...RUN.design, items: { ...RUN.design.items, sources: ['builtin', 'set-9'] } },
    },
    arms: ARMS,
    items: ITEMS.values(),
    records: sampleRecords(),
    labels: LABELS,
    appVersion: '0.1.0',
    device: { label: 'Lab laptop' },
    ...overrides,
  });
  return parseBundle(serializeBundle(bundle), 'b.json');
}

describe('restoreBundle', () => {
  it('restores run, answers, grades, labels (labeller, blind flag), design and imported items', async () => {
    const repos = createRepositories(await openTestDb());
    const bundle = exported();
    const plan = await restoreBundle(repos.db, bundle, BUILTIN, AT);
    expect(plan).toEqual({
      ok: true,
      summaries: [
        'Restored run "Pilot": 4 answers, 8 labels by 2 labellers, 2 imported questions.',
      ],
    });
    const run = await repos.runs.getRun(RUN.id);
    expect([run?.status, run?.design.items.sources]).toEqual(['done', ['builtin', 'set-9']]);
    expect(await repos.runs.listResults(RUN.id)).toEqual(bundle.records);
    expect(await repos.labels.listRun(RUN.id)).toEqual(
      [...LABELS].sort((a, b) => (a.key < b.key ? -1 : 1)),
    );
    expect((await repos.designs.get('design-1'))?.name).toBe('Pilot design');
    const items = await repos.questionSets.getItems('set-9');
    expect(items.map((item) => item.id).sort()).toEqual(
      bundle.items
        .filter((i) => i.id !== FACTUAL.id)
        .map((i) => i.id)
        .sort(),
    );

    // The round trip: a bundle made from the restored data holds the same answers and labels.
    const again = createBundle({
      run: (await repos.runs.getRun(RUN.id))!,
      arms: ARMS,
      items: [...ITEMS.values()],
      records: await repos.runs.listResults(RUN.id),
      labels: await repos.labels.list(),
      appVersion: '0.1.0',
      device: { label: 'this browser' },
    });
    expect(again.records).toEqual(bundle.records);
    expect(again.labels).toEqual(await repos.labels.listRun(RUN.id));
    expect(again.design).toEqual(bundle.design);
  });

  it('restoring the same bundle twice reports the duplicate and writes nothing', async () => {
    const repos = createRepositories(await openTestDb());
    await restoreBundle(repos.db, exported(), BUILTIN, AT);
    await repos.labels.put({ ...label(1, 'bob', false), outcome: 'refusal' });
    const second = await restoreBundle(repos.db, exported(), BUILTIN, AT);
    expect(second).toEqual({
      ok: false,
      clashes: [
        'run "Pilot" (run-1) is already stored in this browser',
        'a different label by "bob" of answer #2 is already stored',
      ],
    });
    expect(await repos.runs.countResults(RUN.id)).toBe(4);
    expect((await repos.labels.get(storedLabelKey(RUN.id, 1, 'bob')))?.outcome).toBe('refusal');
  });

  it('refuses a design of the same id with other content, and a bundle without a design', async () => {
    const repos = createRepositories(await openTestDb());
    await repos.designs.put({ ...RUN.design, name: 'Mine' });
    const clash = await restoreBundle(repos.db, exported(), BUILTIN, AT);
    expect(clash).toEqual({
      ok: false,
      clashes: ['a different design with id "design-1" ("Mine") is already stored'],
    });
    const { design: _design, ...rest } = exported();
    const noDesign = await restoreBundle(repos.db, rest as ResultsBundle, BUILTIN, AT);
    expect(noDesign.ok).toBe(false);
    expect(await repos.runs.listRuns()).toEqual([]);
  });

  it('marks a partial run as cancelled, saying why it cannot resume', async () => {
    const repos = createRepositories(await openTestDb());
    const bundle = exported({ records: sampleRecords().slice(0, 2), labels: [] });
    await restoreBundle(repos.db, bundle, BUILTIN, AT);
    const run = await repos.runs.getRun(RUN.id);
    expect([run?.status, run?.reason]).toEqual([
      'cancelled',
      'Restored from a bundle with 2 of 4 answers; the rest of the plan did not travel, so it cannot resume.',
    ]);
  });
});

describe('restoreBundles', () => {
  it('restores nothing when a later file repeats a run of an earlier one', async () => {
    const repos = createRepositories(await openTestDb());
    const outcome = await restoreBundles(
      repos.db,
      [
        { fileName: 'a.json', bundle: exported() },
        { fileName: 'b.json', bundle: exported() },
      ],
      BUILTIN,
      AT,
    );
    expect(outcome).toEqual({
      ok: false,
      clashes: ['b.json: run "Pilot" (run-1) is already stored in this browser'],
    });
    expect(await repos.runs.listRuns()).toEqual([]);
    expect(await repos.labels.list()).toEqual([]);
  });
});
