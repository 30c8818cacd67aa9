import { describe, expect, it } from 'vitest';
import {
  BundleError,
  createBundle,
  parseBundle,
  redactSecrets,
  serializeBundle,
} from '../../../src/core/results';
import type { ResultsBundle } from '../../../src/core/results';
import { storedLabelKey } from '../../../src/core/grading';
import type { Arm } from '../../../src/core/types';
import { ARMS, BASE_ARM, FACTUAL, ITEMS, RUN, WARM_ARM, sampleRecords } from './builders';

const DEVICE = { label: 'Office laptop', userAgent: 'Chromium/140' };
const LABEL = {
  key: 'run-1#2#alice',
  outcome: 'incorrect' as const,
  labeller: 'alice',
  at: '2025-06-02T09:00:00Z',
  isBlind: true,
};

const INPUT_BASE = {
  run: RUN,
  arms: ARMS,
  items: ITEMS.values(),
  records: sampleRecords(),
  appVersion: '0.3.0',
  device: DEVICE,
};

function makeBundle(): ResultsBundle {
  return createBundle({
    run: RUN,
    arms: ARMS,
    items: [...ITEMS.values(), { ...FACTUAL, id: 'unused' }],
    records: sampleRecords(),
    labels: [LABEL, { ...LABEL, key: 'other-run#0' }],
    appVersion: '0.3.0',
    device: DEVICE,
    exportedAt: '2025-06-04T08:00:00.000Z',
  });
}

const REMOVE = Symbol('remove');

/**
 * The bundle as JSON text with the field at a dotted path (`records.1.output`) set to a value
 * (or removed), so each case edits exactly one field of an otherwise valid file.
 */
function editedText(...edits: [path: string, value: unknown][]): string {
  const data: unknown = JSON.parse(serializeBundle(makeBundle()));
  for (const [path, value] of edits) {
    const keys = path.split('.');
    const last = keys.pop() as string;
    const parent = keys.reduce<unknown>(
      (node, key) => (node as Record<string, unknown>)[key],
      data,
    );
    if (value === REMOVE) delete (parent as Record<string, unknown>)[last];
    else (parent as Record<string, unknown>)[last] = value;
  }
  return JSON.stringify(data);
}

describe('createBundle', () => {
  it('keeps labels keyed as Review stores them, by every labeller, and older keys', () => {
    const labels = [
      { ...LABEL, key: storedLabelKey('run-1', 0, 'alice') },
      { ...LABEL, key: storedLabelKey('run-1', 0, 'bob'), labeller: 'bob', isBlind: false },
      { ...LABEL, key: 'run-1#1' },
      { ...LABEL, key: storedLabelKey('run-9', 0, 'alice') },
    ];
    const bundle = createBundle({ ...INPUT_BASE, labels });
    expect(bundle.labels?.map((l) => [l.key, l.labeller, l.isBlind])).toEqual([
      ['run-1#0#alice', 'alice', true],
      ['run-1#0#bob', 'bob', false],
      ['run-1#1', 'alice', true],
    ]);
    expect(parseBundle(serializeBundle(bundle), 'b.json').labels).toEqual(bundle.labels);
  });

  const bundle = makeBundle();

  it('holds the run without its design, the design, and only the items and labels used', () => {
    expect(bundle.format).toBe('warmth-lab/results');
    expect(bundle.version).toBe(1);
    expect('design' in bundle.run).toBe(false);
    expect(bundle.design?.name).toBe('Pilot design');
    expect(bundle.items.map((item) => item.id)).toEqual(['fact-1', 'med-1', 'con-1']);
    expect(bundle.labels).toEqual([LABEL]);
    expect(bundle.records).toHaveLength(4);
  });

  it('never contains an API key, even when arms, settings or the design carry one', () => {
    const keyed = {
      ...WARM_ARM,
      apiKey: 'sk-secret-111',
      settings: { ...WARM_ARM.settings, authorization: 'Bearer sk-secret-222' },
      endpoint: {
        baseUrl: 'https://api.example',
        key: 'sk-secret-333',
        'x-api-key': 'sk-secret-444',
      },
      headers: ['Bearer sk-secret-555'],
    } as unknown as Arm;
    const design = { ...RUN.design, arms: [BASE_ARM, keyed] };
    const text = serializeBundle(
      createBundle({
        run: { ...RUN, design },
        arms: [BASE_ARM, keyed],
        items: ITEMS.values(),
        records: [],
        appVersion: '0.3.0',
        device: DEVICE,
      }),
    );
    expect(text).not.toMatch(/sk-secret/);
    expect(text).toContain('https://api.example');
    expect(text).toContain('"maxTokens":256');
  });
});

describe('redactSecrets', () => {
  it.each([
    [{ apiKey: 'a', model: 'm' }, { model: 'm' }],
    [{ API_KEY: 'a', Authorization: 'b', password: 'c', clientSecret: 'd', topP: 1 }, { topP: 1 }],
    [{ nested: [{ key: 'k', name: 'n' }] }, { nested: [{ name: 'n' }] }],
    [{ header: 'bearer abc', keep: 'bear with me' }, { keep: 'bear with me' }],
    [
      { maxTokens: 5, promptTokens: 3 },
      { maxTokens: 5, promptTokens: 3 },
    ],
  ])('%j → %j', (input, expected) => {
    expect(redactSecrets(input)).toEqual(expected);
  });
});

describe('parseBundle', () => {
  it('reads back exactly what was written', () => {
    const bundle = makeBundle();
    expect(parseBundle(serializeBundle(bundle), 'b.json')).toEqual(bundle);
  });

  it('drops credentials found in a hand-edited file', () => {
    const text = editedText(['arms.0.apiKey', 'sk-secret']);
    expect(JSON.stringify(parseBundle(text, 'b.json'))).not.toContain('sk-secret');
  });

  it.each([
    ['not JSON', '{"format": ', /^b\.json: not valid JSON \(/],
    ['a list', '[]', 'b.json: expected a JSON object, got a list'],
    [
      'another format',
      '{"format":"other"}',
      'b.json: not a Warmth Lab results bundle (format is "other", expected "warmth-lab/results")',
    ],
    [
      'a newer version',
      '{"format":"warmth-lab/results","version":2}',
      'b.json: bundle version 2 was written by a newer Warmth Lab; this version reads version 1',
    ],
    [
      'a missing version',
      '{"format":"warmth-lab/results"}',
      'b.json: version: expected 1, got nothing',
    ],
  ])('rejects %s', (_what, text, message) => {
    expect(() => parseBundle(text, 'b.json')).toThrow(message);
  });

  it.each<[string, string, unknown, string]>([
    ['output', 'records.1.output', 42, 'b.json: records[1].output: expected text, got 42'],
    [
      'planIndex',
      'records.0.planIndex',
      -1,
      'b.json: records[0].planIndex: expected a whole number ≥ 0, got -1',
    ],
    ['arm link', 'records.0.armId', 'ghost', 'b.json: records[0].armId: no arm "ghost" in arms'],
    ['item link', 'records.3.itemId', 'gone', 'b.json: records[3].itemId: no item "gone" in items'],
    [
      'belief',
      'records.2.condition.belief',
      'maybe',
      'b.json: records[2].condition.belief: expected a known belief id or custom:<id>, got "maybe"',
    ],
    [
      'grade outcome',
      'records.0.grades.0.outcome',
      'great',
      'b.json: records[0].grades[0].outcome: expected one of correct, incorrect, refusal, unparseable, got "great"',
    ],
    [
      'run link',
      'records.0.runId',
      'run-9',
      'b.json: records[0].runId: expected the bundle\'s run "run-1", got "run-9"',
    ],
    [
      'duplicate plan entry',
      'records.1.planIndex',
      0,
      'b.json: records[1]: same run and planIndex as records[0]',
    ],
    [
      'answer index',
      'items.1.answerIndex',
      9,
      'b.json: items[1].answerIndex: expected a whole number from 0 to 3, got 9',
    ],
    ['device', 'device', REMOVE, 'b.json: device: expected an object, got nothing'],
    [
      'arm role',
      'arms.1.role',
      'hot',
      'b.json: arms[1].role: expected one of base, warm, cold, neutral, got "hot"',
    ],
    [
      'label',
      'labels.0.isBlind',
      'yes',
      'b.json: labels[0].isBlind: expected true or false, got "yes"',
    ],
    ['design', 'design.samples', 0, 'b.json: design.samples: expected 1 to 20, got 0'],
  ])('names the bad field: %s', (_what, path, value, message) => {
    expect(() => parseBundle(editedText([path, value]), 'b.json')).toThrow(message);
  });

  it('lists several problems at once and keeps them all on the error', () => {
    const text = editedText(['records.0.output', null], ['records.1.sample', 1.5]);
    let caught: unknown;
    try {
      parseBundle(text, 'b.json');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(BundleError);
    expect((caught as BundleError).message).toBe(
      'b.json: 2 problems: records[0].output: expected text, got null; records[1].sample: expected a whole number ≥ 0, got 1.5',
    );
    expect((caught as BundleError).problems).toHaveLength(2);
  });
});
