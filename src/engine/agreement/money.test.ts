import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyRate,
  applyRatePpm,
  ppmToRate,
  rateToPpm,
  rateToPpmExact,
  roundGrowthToPpm,
  roundGrowthToPpmExact,
  roundToUnit,
} from './money.js';

describe('rateToPpm', () => {
  it('converts the SMA rates exactly despite binary floating point', () => {
    // 12th SMA +8.3 %, 11th SMA +13.9 %, 2021 defense growth 5.4 % (MOFA; MND)
    expect(rateToPpm(0.083)).toEqual({ ok: true, value: 83_000 });
    expect(rateToPpm(0.139)).toEqual({ ok: true, value: 139_000 });
    expect(rateToPpm(0.054)).toEqual({ ok: true, value: 54_000 });
    expect(rateToPpm(-0.25)).toEqual({ ok: true, value: -250_000 });
    expect(rateToPpm(0.000001)).toEqual({ ok: true, value: 1 });
    expect(rateToPpm(2)).toEqual({ ok: true, value: 2_000_000 });
  });

  it('refuses a rate with more than 6 decimals instead of rounding it', () => {
    expect(rateToPpm(0.0535844)).toEqual({
      ok: false,
      error: { code: 'money/rate_too_precise', rate: 0.0535844, decimals: 7 },
    });
    expect(rateToPpm(1e-7)).toEqual({ ok: false, error: { code: 'money/rate_too_precise', rate: 1e-7, decimals: 7 } });
    expect(rateToPpm(Number.NaN)).toEqual({ ok: false, error: { code: 'money/rate_not_finite', rate: Number.NaN } });
  });

  it('round-trips every rate of at most 6 decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (ppm) => {
        expect(rateToPpm(ppm / 1_000_000)).toEqual({ ok: true, value: ppm });
      }),
    );
  });
});

describe('applyRate', () => {
  it('reproduces the 10th SMA: 9,602억 × 1.082 = 10,389억 rounded half up', () => {
    // MOFA 2019: 1,038,900,000,000 won
    expect(applyRate(960_200_000_000, 82_000, 100_000_000)).toBe(1_038_900_000_000);
  });

  it('rounds ties half up', () => {
    expect(applyRate(150, 0, 100)).toBe(200);
    expect(applyRate(149, 0, 100)).toBe(100);
    expect(applyRate(-150, 0, 100)).toBe(-100);
  });

  it('stays exact beyond 2^53 intermediate products: 1.5 tn won × (1 + 100 %)', () => {
    expect(applyRate(1_519_200_000_000, 1_000_000, 100_000_000)).toBe(3_038_400_000_000);
    // 1,500,000,000,001 × 1.000001 = 1,500,001,500,001.000001; the float product 1.500001500001500001e18 is inexact
    expect(applyRate(1_500_000_000_001, 1, 1)).toBe(1_500_001_500_001);
  });

  it('matches an exact rational computation', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.integer({ min: -1_000_000, max: 2_000_000 }),
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        (amount, ppm, unit) => {
          const result = applyRatePpm(amount, ppm, unit);
          // exact value as the fraction amount × (10^6 + ppm) / 10^6, in units of `unit`
          const num = amount * (1_000_000n + BigInt(ppm));
          const den = 1_000_000n * unit;
          expect(result % unit).toBe(0n);
          const k = result / unit;
          // half up: k − 1/2 ≤ exact/unit < k + 1/2  ⇔  (2k − 1)·den ≤ 2·num < (2k + 1)·den
          expect((2n * k - 1n) * den <= 2n * num).toBe(true);
          expect(2n * num < (2n * k + 1n) * den).toBe(true);
        },
      ),
    );
  });
});

describe('roundToUnit', () => {
  it('rounds a won amount half up to 1억: 1,234,550,000,000 → 12,346억', () => {
    expect(roundToUnit(1_234_550_000_000, 100_000_000)).toBe(1_234_600_000_000);
    expect(roundToUnit(1_234_549_999_999, 100_000_000)).toBe(1_234_500_000_000);
  });
});

describe('roundGrowthToPpm', () => {
  it('rounds 0.0535 at 0.1 pp to exactly 0.054, half away from zero', () => {
    expect(roundGrowthToPpm(0.0535, 1_000)).toBe(54_000);
    expect(roundGrowthToPpm(-0.0535, 1_000)).toBe(-54_000);
    expect(roundGrowthToPpm(0.0534999, 1_000)).toBe(53_000);
  });

  it('rounds a growth computed from budget levels: 52,840.1 / 50,152.7 − 1 → 5.4 %', () => {
    // ROK MND main budget 2020 50.1527 tn, 2021 52.8401 tn
    const growth = 52_840_100_000_000 / 50_152_700_000_000 - 1;
    expect(roundGrowthToPpm(growth, 1_000)).toBe(54_000);
    expect(roundGrowthToPpm(growth, 1)).toBe(53_584);
  });
});

// The float fast paths must give exactly what the decimal (BigInt) reference gives, on any double.
describe('fast paths agree with the exact decimal arithmetic', () => {
  // any double, rates on the ppm grid and just off it, and magnitudes around the fast path's 1e9 limit
  const anyRate = fc.oneof(
    fc.double({ noNaN: false }),
    fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }).map((ppm) => ppm / 1_000_000),
    fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }).map((ppm) => (ppm + 0.5) / 1_000_000),
    fc.integer({ min: -10_000_000, max: 10_000_000 }).map((ppm) => ppm / 10_000_000),
    fc.double({ min: 5e8, max: 5e9, noNaN: true }).map((x) => Math.round(x * 1_000_000) / 1_000_000),
  );

  it('rateToPpm equals its exact reference, errors included', () => {
    fc.assert(
      fc.property(anyRate, (rate) => {
        expect(rateToPpm(rate)).toEqual(rateToPpmExact(rate));
      }),
      { numRuns: 10_000 },
    );
  });

  it('roundGrowthToPpm equals its exact reference for every step', () => {
    const step = fc.oneof(fc.constantFrom(1, 10, 100, 1_000, 10_000, 5_000), fc.integer({ min: 1, max: 1e9 }));
    fc.assert(
      fc.property(
        anyRate.filter((g) => Number.isFinite(g)),
        step,
        (growth, stepPpm) => {
          expect(Object.is(roundGrowthToPpm(growth, stepPpm), roundGrowthToPpmExact(growth, stepPpm))).toBe(true);
        },
      ),
      { numRuns: 10_000 },
    );
  });

  it('ppmToRate gives the double that parsing the decimal gives', () => {
    // 83,000 ppm is the 12th SMA's 8.3 % (MOFA, 2024-10-04)
    expect(ppmToRate(83_000)).toBe(0.083);
    fc.assert(
      fc.property(fc.maxSafeInteger(), (ppm) => {
        expect(Object.is(ppmToRate(ppm), Number(`${ppm}e-6`))).toBe(true);
      }),
      { numRuns: 10_000 },
    );
  });
});
