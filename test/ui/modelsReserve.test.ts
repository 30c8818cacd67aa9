import { describe, expect, it } from 'vitest';
import { EngineState } from '../../src/ui/state/engine.svelte';

describe('EngineState.reserve (the run lock)', () => {
  it('refuses to switch or load models while a run holds the engine, until released', async () => {
    const engine = new EngineState();
    engine.select('Qwen2.5-0.5B-Instruct-q4f32_1-MLC');
    const release = engine.reserve(
      'A run is using Qwen2.5-0.5B: pause or finish it to switch models.',
    );
    const other = engine.reserve('second holder');
    expect([engine.isReserved, engine.reservedReason]).toEqual([
      true,
      'A run is using Qwen2.5-0.5B: pause or finish it to switch models.',
    ]);
    engine.select('SmolLM2-360M-Instruct-q4f32_1-MLC');
    await engine.load();
    expect([engine.selectedModelId, engine.status]).toEqual([
      'Qwen2.5-0.5B-Instruct-q4f32_1-MLC',
      'idle',
    ]);
    release();
    release();
    expect(engine.reservedReason).toBe('second holder');
    other();
    expect([engine.isReserved, engine.reservedReason]).toEqual([false, null]);
    engine.select('SmolLM2-360M-Instruct-q4f32_1-MLC');
    expect(engine.selectedModelId).toBe('SmolLM2-360M-Instruct-q4f32_1-MLC');
  });
});
