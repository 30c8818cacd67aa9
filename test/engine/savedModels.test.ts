import { describe, expect, it } from 'vitest';
import {
  fieldOfCustomModelError,
  readSavedModels,
  recordsOf,
  savedCustomModel,
  savedLocalModel,
} from '../../src/engine/savedModels';

const RECORD = {
  model: 'https://local.warmth-lab.invalid/models/tiny/resolve/main/',
  model_id: 'local-tiny',
  model_lib: 'https://local.warmth-lab.invalid/models/tiny/resolve/main/lib.wasm',
};
const LOCAL = savedLocalModel(
  RECORD,
  { fileCount: 6, totalBytes: 1234 },
  '2025-01-02T03:04:05.000Z',
);
const CUSTOM = savedCustomModel(
  {
    model: 'https://huggingface.co/me/warm/resolve/main/',
    model_id: 'a-warm',
    model_lib: 'x.wasm',
  },
  'Qwen2.5-0.5B-Instruct-q4f32_1-MLC',
  '2025-01-01T00:00:00.000Z',
);

describe('saved model shapes', () => {
  it('builds a local model from an import', () => {
    expect(LOCAL).toEqual({
      id: 'local-tiny',
      source: 'local',
      record: RECORD,
      baseId: null,
      savedAt: '2025-01-02T03:04:05.000Z',
      fileCount: 6,
      totalBytes: 1234,
    });
  });
  it('builds a custom model naming its base', () => {
    expect([CUSTOM.id, CUSTOM.source, CUSTOM.baseId, CUSTOM.fileCount]).toEqual([
      'a-warm',
      'custom',
      'Qwen2.5-0.5B-Instruct-q4f32_1-MLC',
      null,
    ]);
  });
});

describe('readSavedModels', () => {
  it('keeps valid models in id order and copies their records', () => {
    const { models, problems } = readSavedModels([LOCAL, CUSTOM]);
    expect(models.map((m) => m.id)).toEqual(['a-warm', 'local-tiny']);
    expect(problems).toEqual([]);
    const records = recordsOf(models);
    expect(records[1]).toEqual(RECORD);
    expect(records[1]).not.toBe(RECORD);
  });
  it('names the base of a custom record saved before records carried it', () => {
    const [record] = recordsOf([CUSTOM]);
    expect(record?.base_model_id).toBe('Qwen2.5-0.5B-Instruct-q4f32_1-MLC');
    expect(CUSTOM.record.base_model_id).toBeUndefined();
  });
  it.each([
    [
      { id: 'x', source: 'cloud', record: RECORD },
      '"source" should be "custom" or "local", not "cloud"',
    ],
    [{ id: 'x', source: 'local' }, 'it has no model record'],
    [
      { id: 'x', source: 'local', record: { ...RECORD, model_lib: '' } },
      'its record has no "model_lib" text',
    ],
    [
      { id: 'x', source: 'custom', record: { ...RECORD, model: 3 } },
      'its record has no "model" text',
    ],
    [{ id: 'x', source: 'local', record: RECORD }, `its record's model_id is "local-tiny"`],
  ])('reports %j', (stored, reason) => {
    const { models, problems } = readSavedModels([stored]);
    expect(models).toEqual([]);
    expect(problems).toEqual([`Saved model "x" was skipped: ${reason}.`]);
  });
});

describe('fieldOfCustomModelError (messages from engine/customModel.ts)', () => {
  it.each([
    ['Model id "a b": use 1–128 letters…', 'modelId'],
    ['Model id "x" is already used; choose another.', 'modelId'],
    ['Weights URL must use https (got http:).', 'weightsUrl'],
    ['Hugging Face URL "…" should look like …', 'weightsUrl'],
    [
      'quantization is "q4f16_1" but the library of X expects "q4f32_1"; choose a base model…',
      'base',
    ],
    ['vocab_size is 1 but X has 2: the library will not fit these weights.', 'base'],
    [
      'https://x/mlc-chat-config.json answered HTTP 404; is this an MLC-converted model folder?',
      'form',
    ],
  ])('%s → %s', (message, field) => {
    expect(fieldOfCustomModelError(message)).toBe(field);
  });
});
