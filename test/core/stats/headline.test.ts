import { describe, expect, it } from 'vitest';
import { computeHeadline, headlineSentence, pairedEffect } from '../../../src/core/stats/headline';
import { tQuantile95 } from '../../../src/core/stats/clusteredDifference';
import { SIX_QUESTIONS, pair } from './observationsFixture';

describe('pairedEffect (clustered by question)', () => {
  it('matches the cluster-robust SE of the mean paired difference (scipy, t with G − 1 df)', () => {
    const effect = pairedEffect(SIX_QUESTIONS);
    // Reference: numpy/scipy on the same 17 pairs, u_g = (D_g − Δ·N_g)/n, Var = G/(G−1)·Σu².
    expect(effect).toMatchObject({ n: 17, clusters: 6, b: 6, c: 2, baseErrors: 4, warmErrors: 8 });
    expect(effect?.pp).toBeCloseTo(23.52941176470588, 10);
    expect(effect?.sePp).toBeCloseTo(16.0905234862471, 8);
    expect(effect?.lowPp).toBeCloseTo(-17.832595634920416, 6);
    expect(effect?.highPp).toBeCloseTo(64.89141916433219, 6);
    expect(effect?.p).toBeCloseTo(0.20351083317761237, 6);
  });

  it('uses Student t quantiles (2.5706 for 5 df, 12.706 for 1 df)', () => {
    expect(tQuantile95(5)).toBeCloseTo(2.5705818356363146, 8);
    expect(tQuantile95(1)).toBeCloseTo(12.706204736174698, 6);
  });

  it('gives p = null and no interval when no pair is discordant', () => {
    const effect = pairedEffect([
      pair({ q: 'a', base: 1, warm: 1 }),
      pair({ q: 'b', base: 0, warm: 0 }),
    ]);
    expect(effect).toMatchObject({ pp: 0, p: null, lowPp: null, highPp: null, b: 0, c: 0 });
    expect(headlineSentence(effect!)).toBe(
      'Warm arm: as many errors as base (no interval: fewer than two questions or no variation between them; 2 pairs over 2 questions; no discordant pairs, so no test)',
    );
  });

  it('gives no interval with a single question', () => {
    const effect = pairedEffect([
      pair({ q: 'a', base: 0, warm: 1 }),
      pair({ q: 'a', base: 0, warm: 0 }),
    ]);
    expect(effect).toMatchObject({ pp: 50, clusters: 1, lowPp: null, p: null });
  });

  it('is null for no pairs', () => {
    expect(pairedEffect([])).toBeNull();
  });
});

describe('headlineSentence', () => {
  it('says the effect, its clustered interval, n, k and p in one sentence', () => {
    expect(headlineSentence(pairedEffect(SIX_QUESTIONS)!)).toBe(
      'Warm arm: +23.5 pp more errors than base (95% CI −17.8 to +64.9 pp; 17 pairs over 6 questions; p = 0.204)',
    );
  });

  it('says "fewer" without a double minus when warm is better', () => {
    const swapped = SIX_QUESTIONS.map((p) => ({ ...p, base: p.warm, warm: p.base }));
    expect(headlineSentence(pairedEffect(swapped)!)).toMatch(
      /^Warm arm: 23\.5 pp fewer errors than base \(95% CI −64\.9 to \+17\.8 pp;/,
    );
  });
});

describe('computeHeadline', () => {
  it('splits by family and by prompt group, omitting empty groups', () => {
    const observations = [
      pair({ q: 'f1', base: 0, warm: 1, family: 'factual' }),
      pair({ q: 'f2', base: 0, warm: 0, family: 'factual' }),
      pair({ q: 'm1', base: 0, warm: 1, family: 'medical', belief: 'asserts-wrong' }),
      pair({ q: 'm2', base: 1, warm: 1, family: 'medical', belief: 'denies-right' }),
    ];
    const headline = computeHeadline(observations);
    expect(headline.overall?.pp).toBe(50);
    expect(headline.byFamily.map((r) => [r.label, r.effect.pp, r.effect.n])).toEqual([
      ['Factual (TriviaQA)', 50, 2],
      ['Medical (MedQA)', 50, 2],
    ]);
    expect(headline.byBelief.map((r) => [r.label, r.effect.n, r.effect.b])).toEqual([
      ['No user belief', 2, 1],
      ['False user belief', 2, 1],
    ]);
  });
});
