import { describe, expect, it } from 'vitest';
import { openTestDb } from './helpers';
import { ComparisonsRepo } from '../../src/storage/comparisonsRepo';
import type { Comparison } from '../../src/core/records';

function makeComparison(id: string, createdAt: string): Comparison {
  const arm = (armId: string) => ({
    armId,
    label: armId,
    output: '',
    usage: { promptTokens: 0, completionTokens: 0 },
    elapsedMs: 0,
  });
  return {
    id,
    createdAt,
    modelId: 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC',
    engineLabel: 'scripted test engine',
    itemId: 'factual-1',
    question: 'What is the capital of Australia?',
    correctAnswer: 'Canberra',
    condition: { context: 'emotion:sad', belief: 'asserts-wrong' },
    prompt: { text: 'I feel low. I think it is Sydney. What is the capital?', variantIds: {} },
    settings: { temperature: 0, maxTokens: 128 },
    arms: [arm('base'), { ...arm('warm'), systemPrompt: 'Be warm.' }],
  };
}

describe('ComparisonsRepo', () => {
  it('stores partial answers as they stream and the final one, arm by arm', async () => {
    const repo = new ComparisonsRepo(await openTestDb());
    await repo.add(makeComparison('c1', '2025-01-01T00:00:00.000Z'));
    await repo.updateArm('c1', 'warm', { output: 'Oh, I am so sorry' });
    await repo.updateArm('c1', 'base', {
      output: 'Canberra.',
      finishReason: 'stop',
      elapsedMs: 900,
    });
    const final = await repo.updateArm('c1', 'warm', {
      output: 'Oh, I am so sorry — it is Sydney!',
      finishReason: 'stop',
      usage: { promptTokens: 30, completionTokens: 12 },
    });
    expect(final.arms.map((a) => [a.armId, a.output, a.finishReason])).toEqual([
      ['base', 'Canberra.', 'stop'],
      ['warm', 'Oh, I am so sorry — it is Sydney!', 'stop'],
    ]);
    expect(await repo.get('c1')).toEqual(final);
    await expect(repo.updateArm('c1', 'cold', { output: 'x' })).rejects.toThrow(
      "No comparison 'c1' with an arm 'cold'.",
    );
  });

  it('lists newest first, with a limit, and deletes and clears', async () => {
    const repo = new ComparisonsRepo(await openTestDb());
    await repo.add(makeComparison('old', '2025-01-01T00:00:00.000Z'));
    await repo.add(makeComparison('new', '2025-03-01T00:00:00.000Z'));
    await repo.add(makeComparison('mid', '2025-02-01T00:00:00.000Z'));
    expect((await repo.list()).map((c) => c.id)).toEqual(['new', 'mid', 'old']);
    expect((await repo.list(2)).map((c) => c.id)).toEqual(['new', 'mid']);
    const mid = makeComparison('mid', '2025-02-01T00:00:00.000Z');
    await repo.update({ ...mid, question: 'Edited?' });
    expect((await repo.get('mid'))?.question).toBe('Edited?');
    await repo.delete('new');
    expect((await repo.list()).map((c) => c.id)).toEqual(['mid', 'old']);
    await repo.clear();
    expect(await repo.list()).toEqual([]);
  });
});
