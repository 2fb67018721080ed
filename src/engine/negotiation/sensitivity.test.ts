import { describe, expect, it } from 'vitest';
import { distributionQuantile, draw, pinDistribution, type Distribution } from './distribution.js';
import { createRng } from '../random/rng.js';
import { scenarioSensitivity, sensitivityVariants, uncertainParameters } from './sensitivity.js';
import { failedVoteScenario, pieScenario } from './test-scenarios.js';
import type { Scenario } from './scenario.js';

// A pie split (u(US) + u(ROK) = 1 for every outcome, test-scenarios.ts) with the US reservation 0.1: a deal exists
// exactly when the ROK's reservation is at most 0.9. The ROK's reservation is drawn from [0.5, 1], so at its p10
// (0.55) every run agrees and at its p90 (0.95) none can; the exchange rate only converts the first-year amount to
// dollars, so it cannot move the deal rate, the first-year change or the months.
const synthetic: Scenario = {
  ...pieScenario,
  id: 'synthetic',
  uncertainty: {
    reservation: { rok: { kind: 'uniform', min: 0.5, max: 1 } },
    strategies: { us: { kind: 'time-dependent', e: { kind: 'uniform', min: 0.8, max: 1.2 } } },
    exchangeRate: { kind: 'normal', mean: 1200, sd: 50 },
  },
};

describe('distributionQuantile', () => {
  it('gives the closed-form quantiles', () => {
    expect(distributionQuantile({ kind: 'uniform', min: 0.5, max: 1 }, 0.1)).toBeCloseTo(0.55, 12);
    // Φ⁻¹(0.9) = 1.2815516
    expect(distributionQuantile({ kind: 'normal', mean: 1200, sd: 50 }, 0.9)).toBeCloseTo(1264.0776, 3);
    expect(distributionQuantile({ kind: 'normal', mean: 0, sd: 1, max: 1 }, 0.9)).toBe(1);
    // Triangular(0, 0, 1): P(X ≤ x) = 1 − (1 − x)², so the median is 1 − √0.5.
    expect(distributionQuantile({ kind: 'triangular', min: 0, mode: 0, max: 1 }, 0.5)).toBeCloseTo(
      1 - Math.SQRT1_2,
      12,
    );
    const d: Distribution = {
      kind: 'discrete',
      outcomes: [
        { value: 3, probability: 0.2 },
        { value: 1, probability: 0.8 },
      ],
    };
    expect([distributionQuantile(d, 0.1), distributionQuantile(d, 0.9)]).toEqual([1, 3]);
    const m: Distribution = {
      kind: 'mixture',
      components: [
        { weight: 0.5, distribution: { kind: 'uniform', min: 0, max: 1 } },
        { weight: 0.5, distribution: { kind: 'uniform', min: 2, max: 3 } },
      ],
    };
    expect(distributionQuantile(m, 0.75)).toBeCloseTo(2.5, 9);
  });

  it('inverts the draw: a uniform draw u of a triangular lands at its u-quantile', () => {
    const t: Distribution = { kind: 'triangular', min: 1, mode: 2, max: 5 };
    const rng = createRng(3);
    const u = createRng(3).next();
    expect(draw(t, rng)).toBeCloseTo(distributionQuantile(t, u), 12);
  });
});

describe('pinDistribution', () => {
  it('holds the value and consumes the same random numbers, so later draws are unchanged', () => {
    const kinds: Distribution[] = [
      { kind: 'uniform', min: 0, max: 1 },
      { kind: 'normal', mean: 0, sd: 1 },
      { kind: 'triangular', min: 0, mode: 0.2, max: 1 },
      {
        kind: 'discrete',
        outcomes: [
          { value: 1, probability: 0.5 },
          { value: 2, probability: 0.5 },
        ],
      },
    ];
    for (const d of kinds) {
      const a = createRng(9);
      const b = createRng(9);
      draw(d, a);
      expect(draw(pinDistribution(d, 0.7), b)).toBe(0.7);
      expect(b.next()).toBe(a.next());
    }
  });
});

describe('scenarioSensitivity', () => {
  it('lists the uncertain parameters in draw order', () => {
    expect(uncertainParameters(synthetic).map((p) => p.path)).toEqual([
      'uncertainty.reservation.rok',
      'uncertainty.strategies.us.e',
      'uncertainty.exchangeRate',
    ]);
    expect(sensitivityVariants(synthetic)).toHaveLength(7);
  });

  it('lists the perceived horizon and holds it at its p10 and p90 (uniform(0.3, 1): 0.37 and 0.93)', () => {
    const s: Scenario = {
      ...synthetic,
      uncertainty: { ...synthetic.uncertainty, horizon: { kind: 'uniform', min: 0.3, max: 1 } },
    };
    expect(uncertainParameters(s).map((p) => p.path)).toContain('uncertainty.horizon');
    const r = scenarioSensitivity(s, 5, 50);
    const h = r.parameters.find((p) => p.path === 'uncertainty.horizon');
    expect([h?.low, h?.high].map((x) => Number(x?.toFixed(6)))).toEqual([0.37, 0.93]);
  });

  it('lists the failed vote’s cost and holds it on either side of the hand case’s threshold c = 0.01', () => {
    // failedVoteScenario (test-scenarios.ts): at c ≤ 0.01 the ROK signs X, which the Assembly passes half the time (and
    // the talks then run out of time); above it, Y is agreed in every run. uniform(0, 0.02): p10 0.002, p90 0.018.
    const s: Scenario = {
      ...failedVoteScenario,
      uncertainty: { failedVoteCost: { kind: 'uniform', min: 0, max: 0.02 } },
    };
    // and the one member's threshold, drawn at each vote
    expect(uncertainParameters(s).map((p) => p.path)).toEqual([
      'uncertainty.failedVoteCost',
      'ratification.rok.0.blocs.0.stance.threshold',
    ]);
    const r = scenarioSensitivity(s, 5, 400);
    const c = r.parameters.find((p) => p.path === 'uncertainty.failedVoteCost');
    expect([c?.low, c?.high].map((x) => Number(x?.toFixed(6)))).toEqual([0.002, 0.018]);
    expect(Math.abs((c?.atLow.agreementRate ?? NaN) - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / 400));
    expect([c?.atHigh.agreementRate, c?.atHigh.firstYearChangeP50]).toEqual([1, 0.25]);
  });

  it('gives a parameter that cannot matter zero effect and ranks the one that decides the deal first', () => {
    const r = scenarioSensitivity(synthetic, 5, 400);
    const [first, ...rest] = r.parameters;
    expect(first?.path).toBe('uncertainty.reservation.rok');
    expect([first?.low, first?.high].map((x) => Number(x?.toFixed(6)))).toEqual([0.55, 0.95]);
    expect(first?.atLow.agreementRate).toBe(1);
    expect(first?.atHigh.agreementRate).toBe(0);
    expect(first?.atHigh.firstYearChangeP50).toBe(null);
    const rate = rest.find((p) => p.path === 'uncertainty.exchangeRate');
    // Common random numbers: the same runs with the rate held, so every quantity is exactly the baseline's.
    expect(rate?.atLow).toEqual(r.baseline);
    expect(rate?.atHigh).toEqual(r.baseline);
    // The baseline draws the ROK reservation across [0.5, 1]: some runs agree, some cannot.
    expect(r.baseline.agreementRate).toBeGreaterThan(0);
    expect(r.baseline.agreementRate).toBeLessThan(1);
  });

  it('is deterministic for a seed', () => {
    expect(scenarioSensitivity(synthetic, 11, 100)).toEqual(scenarioSensitivity(synthetic, 11, 100));
  });
});
