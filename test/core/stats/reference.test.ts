// Reproduces every number in test/fixtures/stats-reference/expected.json (scipy/statsmodels;
// synthetic data made for this project, committed so the check runs in every clone) from
// synthetic-long.csv within 1e-6 relative, walking both objects recursively.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runAnalysis, stringifyReport, toReferenceShape } from '../../../src/core/stats/analysis';
import { parseAnalysisCsv } from '../../../src/core/stats/analysisRows';

const REFERENCE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../fixtures/stats-reference',
);
const RELATIVE_TOLERANCE = 1e-6;
/** Keys Warmth Lab adds to the reference shape: which fitting method was used (always ML here). */
const ADDED_KEYS = new Set(['method']);

/** Every leaf of `expected` compared with the same path in `actual`; returns mismatch messages. */
function compareTree(expected: unknown, actual: unknown, where: string, out: string[]): number {
  if (typeof expected === 'number') {
    const ok =
      typeof actual === 'number' &&
      Math.abs(actual - expected) <= RELATIVE_TOLERANCE * Math.abs(expected);
    if (!ok) out.push(`${where}: expected ${expected}, got ${String(actual)}`);
    return 1;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      out.push(`${where}: expected an array of ${expected.length}`);
      return 1;
    }
    return expected.reduce<number>(
      (n, item, i) => n + compareTree(item, actual[i], `${where}[${i}]`, out),
      0,
    );
  }
  if (expected !== null && typeof expected === 'object') {
    const actualObject = (actual ?? {}) as Record<string, unknown>;
    const missing = Object.keys(actualObject).filter(
      (key) => !(key in expected) && !ADDED_KEYS.has(key),
    );
    if (missing.length > 0) out.push(`${where}: unexpected keys ${missing.join(', ')}`);
    return Object.entries(expected).reduce<number>(
      (n, [key, value]) => n + compareTree(value, actualObject[key], `${where}.${key}`, out),
      0,
    );
  }
  if (expected !== actual)
    out.push(`${where}: expected ${String(expected)}, got ${String(actual)}`);
  return 1;
}

describe('reference numbers from scipy/statsmodels', () => {
  it('reproduces every value and key of expected.json from synthetic-long.csv (paper mode)', () => {
    const table = parseAnalysisCsv(
      readFileSync(path.join(REFERENCE, 'synthetic-long.csv'), 'utf8'),
    );
    const report = runAnalysis(table, { mode: 'paper', models: ['model1', 'model2', 'model4'] });
    const actual: unknown = JSON.parse(stringifyReport(toReferenceShape(report)));
    const expected: unknown = JSON.parse(
      readFileSync(path.join(REFERENCE, 'expected.json'), 'utf8'),
    );
    const mismatches: string[] = [];
    const leaves = compareTree(expected, actual, '$', mismatches);
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(leaves).toBeGreaterThan(3000);
    const methods = Object.values(report.glm).map((fit) => fit.isEstimable && fit.method);
    expect(methods).toEqual(['ml', 'ml', 'ml']);
  });
});
