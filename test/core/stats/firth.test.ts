import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../../src/core/stats/analysis';
import { parseAnalysisCsv } from '../../../src/core/stats/analysisRows';
import type { GlmEstimate, MarginalEffect } from '../../../src/core/stats/glm';

/**
 * Firth fits on a separated workshop-sized run against R's brglm2 (type = "AS_mean"); the
 * fixture and its expected numbers come from test/fixtures/firth/make-firth-fixture.R.
 */
const FOLDER = new URL('../../fixtures/firth/', import.meta.url);

interface Expected {
  n: number;
  ml_max_abs_beta: number;
  names: string[];
  params: number[];
  bse: number[];
  loglik: number;
  ame_pp: number;
  ame_se_pp: number;
  ame_by_group: Record<string, { pp: number; se_pp: number }>;
}

const expected = JSON.parse(
  readFileSync(new URL('expected-brglm2.json', FOLDER), 'utf8'),
) as Record<'model1' | 'model2' | 'model3', Expected>;
const report = runAnalysis(
  parseAnalysisCsv(readFileSync(new URL('workshop-separated.csv', FOLDER), 'utf8')),
);
const TOLERANCE = 1e-4;

describe.each(['model1', 'model2', 'model3'] as const)('%s on a separated run', (key) => {
  const want = expected[key];
  const got = report.glm[key] as GlmEstimate;

  it('falls back to Firth because ML diverges', () => {
    expect(want.ml_max_abs_beta).toBeGreaterThan(15);
    expect(got.isEstimable).toBe(true);
    expect(got.method).toBe('firth');
    expect(got.separation).toMatch(/^perfect or quasi-complete separation/);
    expect(got.n).toBe(want.n);
    expect(got.cluster_bse).toBeNull();
  });

  it('estimates and model-based SEs equal brglm2 to 1e-4, coefficient by coefficient', () => {
    expect(got.names).toHaveLength(want.names.length);
    got.names.forEach((name, j) => {
      expect(Math.abs((got.params[name] as number) - (want.params[j] as number))).toBeLessThan(
        TOLERANCE,
      );
      expect(Math.abs((got.bse[name] as number) - (want.bse[j] as number))).toBeLessThan(TOLERANCE);
    });
    expect(got.llf).toBeCloseTo(want.loglik, 4);
  });

  it('counterfactual AMEs and delta-method SEs equal the same formula in R', () => {
    const close = (effect: MarginalEffect | undefined, pp: number, se: number) => {
      expect(Math.abs((effect?.pp ?? NaN) - pp)).toBeLessThan(TOLERANCE);
      expect(Math.abs((effect?.se_pp ?? NaN) - se)).toBeLessThan(TOLERANCE);
      expect(effect?.cluster_se_pp).toBeNull();
    };
    close(got.ame, want.ame_pp, want.ame_se_pp);
    const groups = Object.entries(want.ame_by_group);
    expect(Object.keys(got.ameByGroup ?? {}).sort()).toEqual(groups.map(([g]) => g).sort());
    for (const [group, effect] of groups) close(got.ameByGroup?.[group], effect.pp, effect.se_pp);
  });
});

describe('Model 4 on the same run', () => {
  it('keeps maximum likelihood with cluster-robust SEs where ML exists', () => {
    const got = report.glm.model4 as GlmEstimate;
    expect(got.method).toBe('ml');
    expect(got.separation).toBeUndefined();
    expect(got.cluster_bse).not.toBeNull();
    expect(got.n).toBe(3200);
  });
});
