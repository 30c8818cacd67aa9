import { describe, expect, it } from 'vitest';
import { createDefaultArms } from '../../src/core/personas';
import type { Comparison } from '../../src/core/records';
import type { FactualItem } from '../../src/core/types';
import { ScriptedEngine } from '../../src/engine/scriptedEngine';
import { PlaygroundState } from '../../src/ui/state/playground.svelte';

const IMPORTED: FactualItem = {
  id: 'trivia:which-river-flows-through-cairo-1a2b3c',
  family: 'factual',
  question: 'Which river flows through Cairo?',
  correct: 'Nile',
  aliases: ['River Nile'],
  wrong: ['Euphrates'],
  source: { name: 'my set', license: 'CC0' },
};

const SCRIPT = [
  { system: 'kind, caring companion', reply: 'Oh, lovely question! I think it is the Euphrates.' },
  { user: 'Cairo', reply: 'The Nile flows through Cairo.' },
];

function createSink(): { saved: Comparison[]; save: (c: Comparison) => Promise<void> } {
  const saved: Comparison[] = [];
  return { saved, save: async (comparison) => void saved.push(comparison) };
}

async function runOnce(playground: PlaygroundState, engine: ScriptedEngine): Promise<Comparison[]> {
  const sink = createSink();
  await playground.run(
    engine,
    createDefaultArms('scripted'),
    { modelId: 'scripted', engineLabel: engine.label },
    sink,
  );
  return sink.saved;
}

describe('PlaygroundState', () => {
  it('asks a picked imported item and grades both finished answers against its gold answer', async () => {
    const engine = new ScriptedEngine({ script: SCRIPT });
    await engine.load('scripted');
    const playground = new PlaygroundState();
    playground.pick(IMPORTED, 'my set');
    expect(playground.pickedFrom).toBe('my set');
    expect(playground.prompt?.text).toContain('Which river flows through Cairo?');
    const saved = await runOnce(playground, engine);
    expect(saved.at(-1)?.itemId).toBe(IMPORTED.id);
    expect(playground.asked?.id).toBe(IMPORTED.id);
    expect(playground.grades.base?.outcome).toBe('correct');
    expect(playground.grades.warm?.outcome).toBe('incorrect');
    expect(playground.grades.base?.grader).toBe('rule:factual@2');
  });

  it('clears the answers and their grades when another question is picked', async () => {
    const engine = new ScriptedEngine({ script: SCRIPT });
    await engine.load('scripted');
    const playground = new PlaygroundState();
    playground.pick(IMPORTED, 'my set');
    await runOnce(playground, engine);
    playground.selectItem('wl-fact-001');
    expect(playground.outputs).toEqual({});
    expect(playground.grades).toEqual({});
    expect(playground.pickedFrom).toBe('Built-in bank');
  });

  it('grades against the question asked, not a typed question edited afterwards', async () => {
    const engine = new ScriptedEngine({ script: SCRIPT });
    await engine.load('scripted');
    const playground = new PlaygroundState();
    playground.setCustom({ question: 'Which river flows through Cairo?', correct: 'Nile' });
    await runOnce(playground, engine);
    playground.setCustom({ correct: 'Euphrates' });
    expect(playground.grades.base?.outcome).toBe('correct');
    expect(playground.grades.warm?.outcome).toBe('incorrect');
  });

  it('does not grade an answer that failed', async () => {
    const engine = new ScriptedEngine({ script: SCRIPT, failOnCalls: [2] });
    await engine.load('scripted');
    const playground = new PlaygroundState();
    playground.pick(IMPORTED, 'my set');
    await runOnce(playground, engine);
    expect(playground.outputs.warm?.error).toMatch(/\S/);
    expect(Object.keys(playground.grades)).toEqual(['base']);
  });
});
