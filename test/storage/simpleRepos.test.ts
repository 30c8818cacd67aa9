import { describe, expect, it } from 'vitest';
import { openTestDb } from './helpers';
import { LabelsRepo } from '../../src/storage/labelsRepo';
import { DesignsRepo, FramingsRepo, ModelsRepo } from '../../src/storage/simpleRepos';
import { SettingsRepo, stripSecrets } from '../../src/storage/settingsRepo';
import { makeDesign } from '../core/experiment/fixtures';

describe('FramingsRepo, LabelsRepo and ModelsRepo', () => {
  it('round-trips user framings', async () => {
    const repo = new FramingsRepo(await openTestDb());
    const boss = {
      id: 'custom:boss',
      kind: 'context' as const,
      label: 'My boss is watching',
      variants: ['My boss is reading over my shoulder.'],
    };
    const doubt = {
      id: 'custom:doubt',
      kind: 'belief' as const,
      label: 'Doubt',
      variants: ['Surely not {correct}?'],
    };
    await repo.put(doubt);
    await repo.put(boss);
    expect(await repo.list()).toEqual([boss, doubt]);
    await repo.put({ ...boss, label: 'Boss' });
    expect((await repo.get('custom:boss'))?.label).toBe('Boss');
    await repo.delete('custom:doubt');
    expect((await repo.list()).map((f) => f.id)).toEqual(['custom:boss']);
  });

  it('round-trips human labels', async () => {
    const repo = new LabelsRepo(await openTestDb());
    const label = {
      key: 'run-1#4',
      outcome: 'incorrect' as const,
      labeller: 'ana',
      at: '2025-01-01T00:00:00.000Z',
      isBlind: true,
    };
    await repo.put(label);
    expect(await repo.get('run-1#4')).toEqual(label);
    expect(await repo.get('run-1#5')).toBeUndefined();
  });

  it('round-trips custom model records of the caller’s own type', async () => {
    interface MyModel {
      id: string;
      label: string;
      vramMb: number;
    }
    const repo = new ModelsRepo<MyModel>(await openTestDb());
    await repo.put({ id: 'warm-qwen', label: 'Warm Qwen', vramMb: 950 });
    expect(await repo.list()).toEqual([{ id: 'warm-qwen', label: 'Warm Qwen', vramMb: 950 }]);
  });
});

describe('DesignsRepo', () => {
  it('lists newest first and duplicates without touching the original', async () => {
    const repo = new DesignsRepo(await openTestDb());
    await repo.put(makeDesign({ id: 'd1', createdAt: '2025-01-01T00:00:00.000Z' }));
    await repo.put(makeDesign({ id: 'd2', name: 'Later', createdAt: '2025-02-01T00:00:00.000Z' }));
    const copy = await repo.duplicate('d1', { newId: 'd3', createdAt: '2025-03-01T00:00:00.000Z' });
    expect(copy).toMatchObject({ id: 'd3', name: 'Test design (copy)' });
    expect((await repo.list()).map((d) => d.id)).toEqual(['d3', 'd2', 'd1']);
    expect(await repo.get('d1')).toEqual(
      makeDesign({ id: 'd1', createdAt: '2025-01-01T00:00:00.000Z' }),
    );
    expect((await repo.get('d3'))?.arms).toEqual(makeDesign().arms);
    await expect(repo.duplicate('zz', { newId: 'x', createdAt: '' })).rejects.toThrow(
      "No saved design 'zz'.",
    );
    await repo.delete('d2');
    expect((await repo.list()).map((d) => d.id)).toEqual(['d3', 'd1']);
  });
});

describe('SettingsRepo', () => {
  it('stores values, falls back when unset, and never exports API keys', async () => {
    const repo = new SettingsRepo(await openTestDb());
    expect(await repo.get('theme', 'light')).toBe('light');
    await repo.set('theme', 'dark');
    await repo.saveEndpoints([
      { name: 'lab', baseUrl: 'https://llm.example/v1', model: 'warm-8b', apiKey: 'sk-secret' },
    ]);
    expect(await repo.get('theme', 'light')).toBe('dark');
    expect((await repo.getEndpoints())[0]?.apiKey).toBe('sk-secret');
    const exported = await repo.exportableSettings();
    expect(exported).toEqual({
      theme: 'dark',
      endpoints: [{ name: 'lab', baseUrl: 'https://llm.example/v1', model: 'warm-8b' }],
    });
    expect(JSON.stringify(exported)).not.toContain('sk-secret');
    await repo.delete('theme');
    expect(await repo.get('theme', 'light')).toBe('light');
  });

  it.each([
    [{ api_key: 'x', nested: [{ token: 't', keep: 1 }] }, { nested: [{ keep: 1 }] }],
    [{ Authorization: 'Bearer x', password: 'p', apiKeyHint: 'kept' }, { apiKeyHint: 'kept' }],
    ['plain', 'plain'],
  ])('strips secrets from %j', (value, expected) => {
    expect(stripSecrets(value)).toEqual(expected);
  });
});
