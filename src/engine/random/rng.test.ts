import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed, randomInt, randomNormal, rngFromState } from './rng.js';

describe('seeded rng', () => {
  it('gives the same sequence for the same seed, pinned to exact values', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = [a.next(), a.next(), a.next()];
    expect([b.next(), b.next(), b.next()]).toEqual(xs);
    expect(xs.map((x) => Math.round(x * 1e9))).toEqual(PINNED_42);
  });

  it('resumes exactly from a saved state', () => {
    const a = createRng(7);
    a.next();
    const saved = a.state();
    const expected = [a.next(), a.next()];
    const resumed = rngFromState(saved);
    expect([resumed.next(), resumed.next()]).toEqual(expected);
  });

  it('derives distinct per-run seeds from one seed', () => {
    const seeds = new Set(Array.from({ length: 10_000 }, (_, i) => deriveSeed(1, i)));
    expect(seeds.size).toBe(10_000);
  });

  it('draws uniform floats in [0, 1) and integers within bounds', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 0, max: 50 }),
        (seed, lo, span) => {
          const rng = createRng(seed);
          for (let i = 0; i < 20; i++) {
            const x = rng.next();
            if (!(x >= 0 && x < 1)) return false;
            const k = randomInt(rng, lo, lo + span);
            if (k < lo || k > lo + span || !Number.isInteger(k)) return false;
          }
          return true;
        },
      ),
    );
  });

  it('draws normals with the requested mean and spread', () => {
    const rng = createRng(3);
    const n = 20_000;
    const xs = Array.from({ length: n }, () => randomNormal(rng, 10, 2));
    const mean = xs.reduce((s, x) => s + x, 0) / n;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeCloseTo(2, 1);
  });
});

// Pinned so that any change to the generator, which would change every stored Monte Carlo result, is caught.
const PINNED_42 = [431888539, 458174422, 206537361];
