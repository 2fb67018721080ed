import { describe, expect, it } from 'vitest';
import { erfc, normalCdf, normalQuantile } from './normal.js';

describe('the standard normal distribution', () => {
  it('gives the tabulated two-sided 95 % critical value 1.959963985', () => {
    // Abramowitz & Stegun table 26.5: z(0.975) = 1.959963985
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
  });

  it('matches tabulated erfc and Φ values', () => {
    // Abramowitz & Stegun 7.1: erf(1) = 0.8427007929497149; erfc(4) = 1.541725790028002e-8
    expect(1 - erfc(1)).toBeCloseTo(0.8427007929497149, 14);
    expect(erfc(4) / 1.541725790028002e-8).toBeCloseTo(1, 12);
    expect(normalCdf(-1.959963984540054)).toBeCloseTo(0.025, 14);
  });

  it('inverts Φ across the tails', () => {
    for (const p of [1e-10, 0.001, 0.02, 0.3, 0.5, 0.77, 0.99, 1 - 1e-9]) {
      expect(normalCdf(normalQuantile(p)) / p).toBeCloseTo(1, 9);
    }
  });
});
