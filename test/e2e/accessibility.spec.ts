/**
 * Accessibility: axe-core finds no serious or critical violations on any view, at desktop width
 * and on a 390 px phone screen (where tables stack and toolbars wrap).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasBrowser, launchBrowser } from './browser';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const VIEWS = ['playground', 'questions', 'experiments', 'review', 'results', 'models', 'about'];
const WIDTHS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];
const CASES = WIDTHS.flatMap((size) => VIEWS.map((view) => [view, size.name] as const));

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

async function seriousViolations(page: Page): Promise<{ problems: string[]; passed: number }> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const { violations, passed } = (await page.evaluate(async () => {
    type AxeResult = { violations: unknown[]; passes: unknown[] };
    const axe = (window as unknown as { axe: { run: () => Promise<AxeResult> } }).axe;
    const result = await axe.run();
    return { violations: result.violations, passed: result.passes.length };
  })) as { violations: AxeViolation[]; passed: number };
  const problems = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  return { problems, passed };
}

describe.skipIf(!hasBrowser())('accessibility (axe-core)', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser({ isWebGpu: true });
    // axe is injected as an inline script, which the app's CSP rightly forbids.
    page = await (await browser.newContext({ bypassCSP: true })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(CASES)('the %s view has no serious or critical violations (%s)', async (view, name) => {
    const size = WIDTHS.find((w) => w.name === name)!;
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto(`${inject('baseUrl')}?engine=scripted#/${view}`);
    await page.locator(`#panel-${view}`).waitFor();
    await page.waitForTimeout(1500);
    const { problems, passed } = await seriousViolations(page);
    expect(problems).toEqual([]);
    expect(passed).toBeGreaterThan(10);
  });

  it('moves between views with the arrow keys and shows focus', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${inject('baseUrl')}#/playground`);
    await page.locator('#tab-playground').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-questions');
    expect(page.url()).toContain('#/questions');
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement!).outlineStyle,
    );
    expect(outline).toBe('solid');
  });
});
