import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../bargaining/normal.js';
import { randomNormal, type Rng } from '../random/rng.js';
import {
  abcSmc,
  cholesky,
  evaluateInThread,
  marginals,
  olcmKernels,
  posteriorCdf,
  quantileOf,
  type AbcResult,
  type Evaluate,
} from './abc-smc.js';
import type { CalibrationParameter } from './prior.js';

// Normal–normal: θ ~ N(0, 1), n = 10 observations y_i ~ N(θ, 1); the mean ȳ ~ N(θ, 1/10) is sufficient.
// Posterior (conjugate): precision 1 + n = 11, so θ | ȳ ~ N(n ȳ / 11, 1/11).
const N_OBS = 10;
const prior: CalibrationParameter[] = [{ name: 'theta', prior: { kind: 'normal', mean: 0, sd: 1 } }];
const simulateMean = (theta: readonly number[], rng: Rng): number =>
  randomNormal(rng, theta[0] as number, 1 / Math.sqrt(N_OBS));

const fitNormal = async (
  observed: number,
  seed: number,
  population: number,
  generations: number,
  evaluate?: Evaluate,
) => {
  const r = await abcSmc(
    prior,
    { seed, population, generations },
    evaluate ?? evaluateInThread(simulateMean, (s) => Math.abs(s - observed)),
  );
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};

describe('ABC-SMC', () => {
  it('recovers the normal–normal posterior N(10·0.8/11, 1/11): mean 0.7273, sd 0.3015', async () => {
    const fit = await fitNormal(0.8, 11, 1000, 7);
    const [m] = marginals(fit);
    expect(fit.stopped).toBe('generations');
    // ε about halves per generation; at ε < 0.05 the ABC kernel adds ε²/3 < 0.001 to the summary's variance 0.1.
    expect(fit.generations.at(-1)?.tolerance).toBeLessThan(0.05);
    expect(m?.mean).toBeCloseTo(0.7273, 1);
    expect(Math.abs((m?.mean ?? 0) - 0.7273)).toBeLessThan(0.03); // 3 Monte Carlo sd of the mean of ~1000 particles
    expect(Math.abs((m?.sd ?? 0) / 0.3015 - 1)).toBeLessThan(0.08);
  });

  it('gives the identical fit however proposals are split into batches and across evaluators', async () => {
    const distance = (s: number) => Math.abs(s - 0.3);
    const inThread = evaluateInThread(simulateMean, distance);
    // An evaluator that scores each proposal on its own, last first, as workers finishing out of order would.
    const scattered: Evaluate = async (ps) => {
      const out = new Array<number>(ps.length);
      for (let i = ps.length - 1; i >= 0; i--) out[i] = ((await inThread([ps[i]!])) as number[])[0] as number;
      return out;
    };
    const a = await fitNormal(0.3, 5, 200, 4);
    const b = await fitNormal(0.3, 5, 200, 4, scattered);
    const c = await abcSmc(prior, { seed: 5, population: 200, generations: 4, batch: 37 }, inThread);
    expect(b).toStrictEqual(a);
    expect(c.ok && c.value.generations).toStrictEqual(a.generations);
    const other = await fitNormal(0.3, 6, 200, 4);
    expect(other.posterior).not.toStrictEqual(a.posterior);
  });

  it('sets each tolerance to the median of the previous distances and weights particles to sum 1', async () => {
    const fit = await fitNormal(0.3, 2, 100, 3);
    const [g0, g1, g2] = fit.generations as [
      AbcResult['generations'][0],
      AbcResult['generations'][0],
      AbcResult['generations'][0],
    ];
    expect(g0.tolerance).toBe(Infinity);
    expect(g1.tolerance).toBe(
      quantileOf(
        g0.particles.map((p) => p.distance),
        0.5,
      ),
    );
    expect(g2.tolerance).toBe(
      quantileOf(
        g1.particles.map((p) => p.distance),
        0.5,
      ),
    );
    for (const g of fit.generations) {
      expect(g.particles).toHaveLength(100);
      expect(g.particles.reduce((s, p) => s + p.weight, 0)).toBeCloseTo(1, 12);
      expect(g.particles.every((p) => p.distance <= g.tolerance)).toBe(true);
    }
  });

  it('stops with the last full generation when a generation cannot fill its population', async () => {
    // Generation 1's tolerance is the median distance, so about half of its proposals pass: 60 cannot give 50.
    const r = await abcSmc(
      prior,
      { seed: 1, population: 50, generations: 3, maxSimulations: 60, batch: 10 },
      evaluateInThread(simulateMean, (s) => 1 + Math.abs(s)),
    );
    expect(r.ok && r.value.stopped).toBe('budget');
  });

  it('refuses a prior without a density and a bad setting, naming them', async () => {
    const ev = evaluateInThread(simulateMean, () => 0);
    expect(
      await abcSmc(
        [{ name: 'x', prior: { kind: 'point', value: 1 } }],
        { seed: 1, population: 10, generations: 1 },
        ev,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'calibration/prior_unsupported', parameter: 'x' },
    });
    expect(
      await abcSmc(
        [{ name: 'x', prior: { kind: 'normal', mean: 0, sd: 1, min: 0 } }],
        { seed: 1, population: 10, generations: 1 },
        ev,
      ),
    ).toMatchObject({ ok: false, error: { code: 'calibration/prior_unsupported', parameter: 'x' } });
    expect(await abcSmc(prior, { seed: 1, population: 1, generations: 1 }, ev)).toMatchObject({
      ok: false,
      error: { code: 'calibration/invalid_setting', field: 'population' },
    });
  });

  it('builds the OLCM covariance Σ_k = Σ_l ŵ_l (θ_l − θ_k)(θ_l − θ_k)ᵀ over particles within the tolerance', () => {
    const ps = [
      { theta: [0, 0], weight: 0.25, distance: 0.1 },
      { theta: [1, 2], weight: 0.25, distance: 0.2 },
      { theta: [3, -1], weight: 0.5, distance: 0.9 },
    ];
    const [k] = olcmKernels(ps, 0.5);
    // Within 0.5: θ = (0,0) and (1,2) at ŵ = ½ each; about θ_0 = (0,0): ½·(1,2)(1,2)ᵀ = [[0.5, 1], [1, 2]].
    const l = k!.chol;
    const sigma = [0, 1].map((i) => [0, 1].map((j) => l[i]![0]! * l[j]![0]! + l[i]![1]! * l[j]![1]!));
    expect(sigma[0]![0]).toBeCloseTo(0.5, 6);
    expect(sigma[0]![1]).toBeCloseTo(1, 6);
    expect(sigma[1]![1]).toBeCloseTo(2, 6);
    expect(
      cholesky([
        [4, 2],
        [2, 3],
      ]),
    ).toEqual([
      [2, 0],
      [1, Math.SQRT2],
    ]);
    expect(
      cholesky([
        [1, 2],
        [2, 1],
      ]),
    ).toBeNull();
  });
});

describe('simulation-based calibration (Talts et al. 2018) on the normal–normal model', () => {
  // R fits, each of a truth drawn from the prior; the posterior CDF at the truth must be uniform on [0, 1].
  const R = 200;
  it(`covers the truth at 50 % and 90 % within a 99.9 % binomial band and gives uniform ranks (KS, α = 0.01), ${R} fits`, async () => {
    const { createRng } = await import('../random/rng.js');
    const rng = createRng(2018);
    const ranks: number[] = [];
    for (let r = 0; r < R; r++) {
      const truth = randomNormal(rng, 0, 1);
      const observed = simulateMean([truth], rng);
      const fit = await fitNormal(observed, 1000 + r, 200, 5);
      ranks.push(posteriorCdf(fit.posterior, 0, truth));
    }
    const z = -normalQuantile(0.0005); // 3.29
    const band = (p: number) => z * Math.sqrt(R * p * (1 - p));
    const in50 = ranks.filter((f) => f > 0.25 && f <= 0.75).length;
    const in90 = ranks.filter((f) => f > 0.05 && f <= 0.95).length;
    expect(Math.abs(in50 - 0.5 * R)).toBeLessThan(band(0.5));
    expect(Math.abs(in90 - 0.9 * R)).toBeLessThan(band(0.9));
    const sorted = [...ranks].sort((a, b) => a - b);
    const ks = Math.max(...sorted.map((f, i) => Math.max((i + 1) / R - f, f - i / R)));
    expect(ks).toBeLessThan(1.628 / Math.sqrt(R)); // Kolmogorov's asymptotic critical value at α = 0.01
  }, 60_000);
});
