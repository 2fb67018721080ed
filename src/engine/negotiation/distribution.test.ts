import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng.js';
import { distributionProblem, draw, probabilityBelow, skipDraw, type Distribution } from './distribution.js';

describe('one distribution type for Monte Carlo inputs and ratification thresholds', () => {
  it('gives the triangular CDF in closed form', () => {
    const t: Distribution = { kind: 'triangular', min: 0, mode: 0.25, max: 1 };
    // F(x) = (x − a)² / ((b − a)(c − a)) up to the mode, 1 − (b − x)² / ((b − a)(b − c)) after it.
    expect(probabilityBelow(t, 0.25, true)).toBeCloseTo(0.25, 12);
    expect(probabilityBelow(t, 0.5, true)).toBeCloseTo(2 / 3, 12);
    expect(probabilityBelow(t, -1, true)).toBe(0);
    expect(probabilityBelow(t, 2, false)).toBe(1);
  });

  it('puts a clamped normal’s tails on its bounds', () => {
    const n: Distribution = { kind: 'normal', mean: 0, sd: 1, min: -1, max: 1 };
    // Φ(−1) = 0.158655, Φ(1) = 0.841345 (standard normal table).
    expect(probabilityBelow(n, -1, false)).toBe(0);
    expect(probabilityBelow(n, -1, true)).toBeCloseTo(0.158655, 6);
    expect(probabilityBelow(n, 1, false)).toBeCloseTo(0.841345, 6);
    expect(probabilityBelow(n, 1, true)).toBe(1);
  });

  it('draws as often below x as its CDF says, for every kind', () => {
    const kinds: Distribution[] = [
      { kind: 'uniform', min: 0.2, max: 0.6 },
      { kind: 'normal', mean: 0.5, sd: 0.1 },
      { kind: 'normal', mean: 0.5, sd: 0.2, min: 0.4, max: 0.9 },
      { kind: 'triangular', min: 0, mode: 0.7, max: 1 },
      {
        kind: 'discrete',
        outcomes: [
          { value: 0.3, probability: 0.25 },
          { value: 0.5, probability: 0.75 },
        ],
      },
      {
        kind: 'mixture',
        components: [
          { weight: 0.4, distribution: { kind: 'point', value: 0.45 } },
          { weight: 0.6, distribution: { kind: 'uniform', min: 0.3, max: 0.7 } },
        ],
      },
    ];
    for (const d of kinds) {
      const rng = createRng(7);
      const xs = Array.from({ length: 20_000 }, () => draw(d, rng));
      for (const x of [0.35, 0.45, 0.5, 0.55]) {
        const share = xs.filter((v) => v <= x).length / xs.length;
        // 20,000 draws: the sd of a share is at most 0.0036, so 0.015 is over four sds.
        expect(Math.abs(share - probabilityBelow(d, x, true))).toBeLessThan(0.015);
      }
    }
  });

  it('says what is wrong with a malformed one', () => {
    expect(distributionProblem({ kind: 'triangular', min: 0, mode: 2, max: 1 })).toBe('needs min ≤ mode ≤ max');
    expect(distributionProblem({ kind: 'normal', mean: 0, sd: 1, min: 1, max: 0 })).toBe('needs min ≤ max');
    expect(distributionProblem({ kind: 'normal', mean: 0, sd: -1 })).toBe('needs sd ≥ 0');
    expect(distributionProblem({ kind: 'triangular', min: 0, mode: 0.5, max: 1 })).toBeNull();
  });
});

describe('skipDraw (a draw whose value nobody reads)', () => {
  it('leaves the generator where draw leaves it, for every kind and a mixture of mixtures, over 500 seeds each', () => {
    const normal: Distribution = { kind: 'normal', mean: 0.02, sd: 0.01, min: 0 };
    const kinds: Distribution[] = [
      { kind: 'point', value: 3 },
      { kind: 'uniform', min: 0, max: 0.15 },
      normal,
      { kind: 'triangular', min: 0.1, mode: 0.2, max: 1 },
      {
        kind: 'discrete',
        outcomes: [
          { value: 1, probability: 0.3 },
          { value: 2, probability: 0.7 },
        ],
      },
      {
        kind: 'mixture',
        components: [
          { weight: 0.5, distribution: normal },
          {
            weight: 0.5,
            distribution: {
              kind: 'mixture',
              components: [
                { weight: 0.25, distribution: { kind: 'point', value: 1 } },
                { weight: 0.75, distribution: { kind: 'uniform', min: 0, max: 1 } },
              ],
            },
          },
        ],
      },
    ];
    for (const d of kinds)
      for (let seed = 0; seed < 500; seed++) {
        const [drawn, skipped] = [createRng(seed), createRng(seed)];
        draw(d, drawn);
        skipDraw(d, skipped);
        expect(skipped.state()).toEqual(drawn.state());
      }
  });
});
