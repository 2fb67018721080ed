import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Domain } from './domain.js';
import { discountedUtility, reservationAt, utility, type Preferences, type ValueFunction } from './preferences.js';

const domain: Domain = {
  issues: [
    { kind: 'numeric', name: 'change', min: 0, max: 0.2, step: 0.01, unit: 'rate' },
    { kind: 'numeric', name: 'duration', min: 1, max: 5, step: 1, unit: 'years' },
    { kind: 'categorical', name: 'index', options: ['none', 'rok-cpi', 'fixed-rate'] },
  ],
};

const rok: Preferences = {
  weights: { change: 0.6, duration: 0.3, index: 0.1 },
  values: {
    change: { kind: 'linear', direction: 'decreasing' },
    duration: { kind: 'triangular', low: 1, peak: 5, high: 6 },
    index: { kind: 'table', values: { none: 1, 'rok-cpi': 0.8, 'fixed-rate': 0.2 } },
  },
  reservation: {
    kind: 'by-step',
    points: [
      { step: 0, value: 0.4 },
      { step: 10, value: 0.25 },
    ],
  },
  discount: 0.9,
};

describe('linear-additive preferences', () => {
  it('weighs each issue value: 0.6·0.75 + 0.3·0.5 + 0.1·0.8 = 0.68', () => {
    expect(utility(domain, rok, { change: 0.05, duration: 3, index: 'rok-cpi' })).toBeCloseTo(0.68, 12);
  });

  it('discounts by δ^round and steps the reservation value down as the lapse bites', () => {
    expect(discountedUtility(domain, rok, { change: 0, duration: 5, index: 'none' }, 2)).toBeCloseTo(0.81, 12);
    expect([
      reservationAt(rok.reservation, 0),
      reservationAt(rok.reservation, 9),
      reservationAt(rok.reservation, 10),
    ]).toEqual([0.4, 0.4, 0.25]);
  });

  it('keeps every utility in [0, 1] for any weights summing to 1 and any value functions', () => {
    const fn: fc.Arbitrary<ValueFunction> = fc.oneof(
      fc.constantFrom<ValueFunction>(
        { kind: 'linear', direction: 'increasing' },
        { kind: 'linear', direction: 'decreasing' },
      ),
      fc
        .tuple(
          fc.double({ min: -1, max: 6, noNaN: true }),
          fc.double({ min: 0, max: 3, noNaN: true }),
          fc.double({ min: 0, max: 3, noNaN: true }),
        )
        .map(([peak, a, b]): ValueFunction => ({ kind: 'triangular', low: peak - a, peak, high: peak + b })),
      fc
        .dictionary(
          fc.constantFrom('none', 'rok-cpi', 'fixed-rate', '0.05', '3'),
          fc.double({ min: -2, max: 2, noNaN: true }),
        )
        .map((values): ValueFunction => ({ kind: 'table', values })),
    );
    const weights = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }).map((w) => {
      const sum = w.reduce((a, b) => a + b, 0) || 1;
      return w.map((x) => (sum === 0 ? 1 / 3 : x / sum));
    });
    const outcome = fc.record({
      change: fc.integer({ min: 0, max: 20 }).map((i) => i / 100),
      duration: fc.integer({ min: 1, max: 5 }),
      index: fc.constantFrom('none', 'rok-cpi', 'fixed-rate'),
    });
    fc.assert(
      fc.property(weights, fn, fn, fn, outcome, ([w0, w1, w2], f0, f1, f2, o) => {
        const prefs: Preferences = {
          weights: { change: w0 ?? 0, duration: w1 ?? 0, index: w2 ?? 0 },
          values: { change: f0, duration: f1, index: f2 },
          reservation: { kind: 'constant', value: 0 },
        };
        const u = utility(domain, prefs, o);
        expect(u).toBeGreaterThanOrEqual(0);
        expect(u).toBeLessThanOrEqual(1);
      }),
    );
  });
});
