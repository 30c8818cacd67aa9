/**
 * The architecture rules of eslint.config.js, checked on small snippets (each case must be
 * reported or allowed exactly as STYLE.md says), and the ui/state content rule.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** The no-restricted-imports messages for one import line placed in a file at `path`. */
async function restricted(path: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const x = y;\n`, { filePath: path });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    ['src/core/stats/x.ts', "import { y } from '../../storage';"],
    ['src/core/stats/x.ts', "import { y } from '../../storage/db';"],
    ['src/core/x.ts', "import { y } from '../ui/state/app.svelte';"],
    ['src/core/x.ts', "import { y } from '../engine';"],
    ['src/engine/x.ts', "import { y } from '../ui/state/app.svelte';"],
    ['src/engine/x.ts', "import { y } from '../storage';"],
    ['src/storage/x.ts', "import { y } from '../ui';"],
    ['src/storage/x.ts', "import { y } from '../engine/engine';"],
    ['src/ui/state/x.ts', "import { y } from '../components/format';"],
    ['src/ui/state/x.ts', "import { y } from '../views/registry';"],
    ['src/ui/state/x.ts', "import { y } from '../views';"],
    ['src/ui/state/x.ts', "import { y } from 'chart.js';"],
    ['src/ui/components/dashboard/x.ts', "import { y } from 'chart.js/auto';"],
    ['src/ui/components/x.ts', "import { y } from 'idb';"],
    ['src/ui/components/x.ts', "import { y } from '@mlc-ai/web-llm';"],
  ])('%s may not: %s', async (path, source) => {
    expect(await restricted(path, source)).toHaveLength(1);
  });

  it.each([
    ['src/ui/components/charts/x.ts', "import { y } from 'chart.js';"],
    ['src/storage/x.ts', "import { y } from 'idb';"],
    ['src/engine/x.ts', "import { y } from '@mlc-ai/web-llm';"],
    ['src/ui/state/x.ts', "import { y } from '../../storage';"],
    ['src/ui/state/x.ts', "import { y } from '../../core/stats';"],
    ['src/engine/x.ts', "import { y } from '../core/types';"],
    ['src/ui/components/x.ts', "import { y } from '../state/app.svelte';"],
    ['src/ui/state/x.ts', "import type { ViewId } from '../views/registry';"],
  ])('%s may: %s', async (path, source) => {
    expect(await restricted(path, source)).toEqual([]);
  });
});

// Worker clients are the one kind of plain module ui/state may hold (they wrap a Worker).
const PLAIN_ALLOWED = /Client\.ts$/;
const STATE_DIR = 'src/ui/state';

/** Whether a module is a runes class: it uses $state/$derived, or composes runes classes. */
function isRunes(name: string, text: string): boolean {
  if (/\$(state|derived)\b/.test(text)) return true;
  return name.endsWith('.svelte.ts') && /from '\.\/\w+\.svelte'/.test(text);
}

/** ui/state modules that hold no runes and are not worker clients (should be in core/workers). */
function plainModules(): string[] {
  return readdirSync(STATE_DIR)
    .filter((name) => name.endsWith('.ts') && !PLAIN_ALLOWED.test(name))
    .filter((name) => !isRunes(name, readFileSync(`${STATE_DIR}/${name}`, 'utf8')));
}

describe('ui/state holds only runes classes and worker clients', () => {
  // One case per offender, so a failing run names each module still to move.
  it.each(plainModules().map((name) => [name]))('%s uses $state/$derived or moves out', (name) => {
    expect(`${STATE_DIR}/${name}`).toBe('a runes class (*.svelte.ts with $state) or *Client.ts');
  });

  it('counts a runes class, a composer of runes classes and a client as allowed', () => {
    expect(isRunes('a.svelte.ts', 'class A { #x = $state(0); }')).toBe(true);
    expect(isRunes('b.svelte.ts', "import { A } from './a.svelte';\nclass B {}")).toBe(true);
    expect(isRunes('c.ts', 'export function tabulate() {}')).toBe(false);
    expect(PLAIN_ALLOWED.test('questionsImportClient.ts')).toBe(true);
    expect(plainModules()).not.toContain('app.svelte.ts');
  });
});
