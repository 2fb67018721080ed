import { describe, expect, it } from 'vitest';
import { describeHistogram, type Histogram } from './scenario-monte-carlo.js';
import { firstRoundDate, realOutcomeReport } from './scenario-report.js';
import { lapseScenario, pieScenario } from './test-scenarios.js';

/**
 * A hand-made histogram over [0, 3) in bins of 1: 4 runs in [0, 1), none in [1, 2), 6 in [2, 3); values 0.1…2.9.
 * Independent closed form: spreading each bin's runs evenly over it, the q-quantile is the x where the piecewise
 * linear CDF reaches q·n = 10q: x = 10q / 4 in bin 0 while 10q ≤ 4, else 2 + (10q − 4) / 6 in bin 2 (bin 1 is empty).
 */
const hand: Histogram = {
  min: 0,
  max: 3,
  counts: [4, 0, 6],
  n: 10,
  sumMicro: 17_000_000,
  lowest: 0.1,
  highest: 2.9,
};
const closedForm = (q: number): number => (10 * q <= 4 ? (10 * q) / 4 : 2 + (10 * q - 4) / 6);

describe('describeHistogram', () => {
  it('reads p5–p95 of a hand-made histogram as the closed form of its piecewise linear CDF', () => {
    const d = describeHistogram(hand);
    const expected = { p5: 0.125, p10: 0.25, p25: 0.625, p50: 2 + 1 / 6, p75: 2 + 3.5 / 6, p90: 2 + 5 / 6, p95: 2.9 };
    // p95 = 2 + 5.5 / 6 = 2.9167 is past the highest value seen (2.9), so it is clamped there.
    expect(closedForm(0.95)).toBeCloseTo(2.9167, 4);
    for (const [k, q] of [
      ['p5', 0.05],
      ['p10', 0.1],
      ['p25', 0.25],
      ['p50', 0.5],
      ['p75', 0.75],
      ['p90', 0.9],
    ] as const) {
      expect(d[k], k).toBeCloseTo(closedForm(q), 12);
      expect(d[k], k).toBeCloseTo(expected[k], 12);
    }
    expect(d.p95).toBe(2.9);
    expect([d.mean, d.n]).toEqual([1.7, 10]);
  });

  it('gives null quantiles and mean for an empty histogram, with n = 0', () => {
    const d = describeHistogram({ ...hand, counts: [0, 0, 0], n: 0, sumMicro: 0, lowest: null, highest: null });
    expect(d).toEqual({ mean: null, p5: null, p10: null, p25: null, p50: null, p75: null, p90: null, p95: null, n: 0 });
  });
});

describe('realOutcomeReport', () => {
  it('counts whole months from the first round to the conclusion as the runs are counted', () => {
    // 2019-09-24 → 2021-03-07: 2019-09-24 + 17 months = 2021-02-24 ≤ 2021-03-07 < 2021-03-24 = + 18 months.
    expect(realOutcomeReport(lapseScenario)).toEqual({
      concluded: '2021-03-07',
      firstRound: firstRoundDate(lapseScenario),
      monthsToAgreement: (2021 - 2019) * 12 + (3 - 9) - 1,
      firstYearChange: 0.14,
    });
    expect(firstRoundDate(lapseScenario)).toBe('2019-09-24');
  });

  it('is null for a forecast', () => {
    expect(realOutcomeReport(pieScenario)).toBeNull();
  });
});
