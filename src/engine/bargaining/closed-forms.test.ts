import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Result } from '../result.js';
import {
  frequentOffersLimitSplit,
  frequentOffersSplit,
  outsideOptionBinds,
  outsideOptionSplit,
  rubinsteinSplit,
  stahlSplit,
  stahlSplitEqualDiscount,
  type PieSplit,
} from './closed-forms.js';

const TOL = 1e-9;
const share = (r: Result<PieSplit, unknown>): number => {
  if (!r.ok) throw new Error(`expected a split, got ${JSON.stringify(r.error)}`);
  return r.value.proposerShare;
};

describe('Rubinstein (1982) infinite-horizon split', () => {
  it('gives the first proposer 0.5263158, 0.7142857 and 0.3571429', () => {
    // research-vectors.md §1: (0.9, 0.9), (0.9, 0.8), (0.8, 0.9)
    expect(Math.abs(share(rubinsteinSplit(0.9, 0.9)) - 10 / 19)).toBeLessThan(TOL);
    expect(Math.abs(share(rubinsteinSplit(0.9, 0.8)) - 0.7142857142857143)).toBeLessThan(TOL);
    expect(Math.abs(share(rubinsteinSplit(0.8, 0.9)) - 0.35714285714285715)).toBeLessThan(TOL);
    expect(share(rubinsteinSplit(0.9, 0.9))).toBeCloseTo(0.5263158, 7);
  });

  it('rejects a discount factor outside [0, 1) with a typed error', () => {
    expect(rubinsteinSplit(1, 0.9)).toEqual({
      ok: false,
      error: { code: 'bargaining/discount_out_of_range', details: { name: 'delta1', value: 1 } },
    });
    expect(rubinsteinSplit(0.9, -0.1).ok).toBe(false);
    expect(rubinsteinSplit(Number.NaN, 0.5).ok).toBe(false);
  });
});

describe('frequent offers (Binmore, Rubinstein & Wolinsky 1986)', () => {
  it('tends to r2/(r1 + r2) = 2/3 for r = (0.05, 0.10)', () => {
    // research-vectors.md §2
    expect(Math.abs(share(frequentOffersLimitSplit(0.05, 0.1)) - 2 / 3)).toBeLessThan(TOL);
    expect(Math.abs(share(frequentOffersSplit(0.05, 0.1, 1e-7)) - 2 / 3)).toBeLessThan(1e-8);
  });

  it('gives (1 − e^−0.001)/(1 − e^−0.0015) = 0.6668333 at Δ = 0.01, approaching 2/3 from above', () => {
    // Exact value of the BRW formula; the vector file's 0.66651 is below 2/3, which no Δ > 0 can give (see docs/bargaining.md)
    expect(Math.abs(share(frequentOffersSplit(0.05, 0.1, 0.01)) - 0.6668333194374856)).toBeLessThan(TOL);
  });

  it('rejects a non-positive rate or interval', () => {
    expect(frequentOffersSplit(0.05, 0.1, 0)).toEqual({
      ok: false,
      error: { code: 'bargaining/rate_invalid', details: { name: 'interval', value: 0 } },
    });
    expect(frequentOffersLimitSplit(0, 0.1).ok).toBe(false);
  });
});

describe('Ståhl (1972) finite horizon', () => {
  it('gives 1, 0.1, 0.91, 0.181, 0.837 for δ = 0.9 and T = 1..5', () => {
    // research-vectors.md §3
    const expected = [1, 0.1, 0.91, 0.181, 0.8371];
    expected.forEach((x, i) => {
      expect(Math.abs(share(stahlSplitEqualDiscount(0.9, i + 1)) - x)).toBeLessThan(TOL);
      expect(Math.abs(share(stahlSplit(0.9, 0.9, i + 1)) - x)).toBeLessThan(TOL);
    });
  });

  it('tends to the Rubinstein share 0.5263 as T grows', () => {
    // research-vectors.md §3: T → ∞ → 0.5263
    expect(Math.abs(share(stahlSplitEqualDiscount(0.9, 401)) - 10 / 19)).toBeLessThan(TOL);
    expect(Math.abs(share(stahlSplit(0.9, 0.8, 400)) - 0.7142857142857143)).toBeLessThan(TOL);
  });

  it('agrees with backward induction for every equal δ and horizon', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.999, noNaN: true }), fc.integer({ min: 1, max: 60 }), (delta, horizon) => {
        const closed = share(stahlSplitEqualDiscount(delta, horizon));
        const induced = share(stahlSplit(delta, delta, horizon));
        expect(Math.abs(closed - induced)).toBeLessThan(1e-12);
      }),
    );
  });

  it('by backward induction with δ = (0.9, 0.8) gives 1, 0.2, 0.92 for T = 1..3', () => {
    // Ståhl by hand: T = 2 → 1 − δ2 = 0.2; T = 3 → player 2 would keep 1 − δ1 = 0.1, so x1 = 1 − δ2·0.1 = 0.92
    expect(share(stahlSplit(0.9, 0.8, 1))).toBe(1);
    expect(Math.abs(share(stahlSplit(0.9, 0.8, 2)) - 0.2)).toBeLessThan(TOL);
    expect(Math.abs(share(stahlSplit(0.9, 0.8, 3)) - 0.92)).toBeLessThan(TOL);
  });

  it('rejects a horizon below 1 or not a whole number', () => {
    expect(stahlSplitEqualDiscount(0.9, 0)).toEqual({
      ok: false,
      error: { code: 'bargaining/horizon_invalid', details: { horizon: 0 } },
    });
    expect(stahlSplit(0.9, 0.8, 2.5).ok).toBe(false);
  });
});

describe('outside option for the responder (Osborne & Rubinstein 1990)', () => {
  it('does not bind at b = 0.3 and binds at b = 0.6 when δ = 0.9', () => {
    // research-vectors.md §4: threshold δ/(1 + δ) = 0.4737; b = 0.3 → 0.5263, b = 0.6 → 0.4
    expect(Math.abs(share(outsideOptionSplit(0.9, 0.9, 0.3)) - 10 / 19)).toBeLessThan(TOL);
    expect(Math.abs(share(outsideOptionSplit(0.9, 0.9, 0.6)) - 0.4)).toBeLessThan(TOL);
    expect(outsideOptionBinds(0.9, 0.9, 0.47)).toBe(false);
    expect(outsideOptionBinds(0.9, 0.9, 0.48)).toBe(true);
  });

  it('rejects an option outside [0, 1]', () => {
    expect(outsideOptionSplit(0.9, 0.9, 1.2).ok).toBe(false);
  });
});
