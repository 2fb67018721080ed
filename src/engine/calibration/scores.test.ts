import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../bargaining/normal.js';
import { crpsFromSamples, crpsNormal, pit, randomizedPit, sampleQuantile } from './scores.js';

describe('forecast scores', () => {
  it('gives the closed-form CRPS of N(0, 1) at 0, (√2 − 1)/√π = 0.233695, and at 1, 0.602499', () => {
    expect(crpsNormal(0, 1, 0)).toBeCloseTo((Math.SQRT2 - 1) / Math.sqrt(Math.PI), 12);
    expect(crpsNormal(0, 1, 0)).toBeCloseTo(0.233695, 6);
    // 1·(2Φ(1) − 1) + 2φ(1) − 1/√π = 0.682689 + 0.483941 − 0.564190
    expect(crpsNormal(0, 1, 1)).toBeCloseTo(0.60244, 4);
    expect(crpsNormal(0.1, 0.05, 0.2)).toBeCloseTo(0.05 * crpsNormal(0, 1, 2), 12);
  });

  it('gives the closed form from 20,000 normal quantile samples within 0.1 %', () => {
    const n = 20_000;
    const samples = Array.from({ length: n }, (_, i) => 0.08 + 0.04 * normalQuantile((i + 0.5) / n));
    for (const y of [0.08, 0.1, 0.139, 0])
      expect(Math.abs((crpsFromSamples(samples, y) as number) / crpsNormal(0.08, 0.04, y) - 1)).toBeLessThan(1e-3);
  });

  it('scores a point forecast by its absolute error and computes PIT and type-7 quantiles', () => {
    expect(crpsFromSamples([0.1, 0.1, 0.1], 0.139)).toBeCloseTo(0.039, 12);
    expect(crpsFromSamples([], 0)).toBeNull();
    // Two samples 0 and 1 at y = 0: E|X − y| = ½, E|X − X′| = ½ → CRPS = ½ − ¼.
    expect(crpsFromSamples([1, 0], 0)).toBeCloseTo(0.25, 12);
    expect(pit([0.05, 0.1, 0.139, 0.2], 0.139)).toBe(0.75);
    expect(sampleQuantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(sampleQuantile([1, 2, 3, 4, 5], 0.1)).toBeCloseTo(1.4, 12);
  });

  it('gives the randomised PIT F(y−) + v (F(y) − F(y−)) of Czado, Gneiting & Held (2009)', () => {
    // [1, 2, 2, 3] at 2: F(2−) = 1/4, F(2) = 3/4.
    expect(randomizedPit([1, 2, 2, 3], 2, 0)).toBe(0.25);
    expect(randomizedPit([1, 2, 2, 3], 2, 0.5)).toBe(0.5);
    expect(randomizedPit([2, 2, 2], 2, 0.7)).toBeCloseTo(0.7, 12);
    expect(randomizedPit([1, 3], 2, 0.9)).toBe(0.5); // no tie: the PIT itself
    expect(randomizedPit([], 2, 0.5)).toBeNull();
  });
});
