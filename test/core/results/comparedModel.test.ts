import { describe, expect, it } from 'vitest';
import { createComparedModelLookup } from '../../../src/core/results/comparedModel';

const record = (runId: string, armRole: string, modelId: string) => ({ runId, armRole, modelId });

describe('createComparedModelLookup', () => {
  it('analyses a warm fine-tune arm under the run’s single base model', () => {
    const records = [
      record('r1', 'base', 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC'),
      record('r1', 'warm', 'my-warm-qwen-q4f32_1'),
      record('r2', 'warm', 'endpoint:ollama'),
    ];
    const compared = createComparedModelLookup(records);
    expect(records.map(compared)).toEqual([
      'Qwen2.5-0.5B-Instruct-q4f32_1-MLC',
      'Qwen2.5-0.5B-Instruct-q4f32_1-MLC',
      'endpoint:ollama',
    ]);
  });

  it('keeps each answer’s own model when a run has several base models', () => {
    const records = [record('r', 'base', 'a'), record('r', 'base', 'b'), record('r', 'warm', 'c')];
    expect(records.map(createComparedModelLookup(records))).toEqual(['a', 'b', 'c']);
  });
});
