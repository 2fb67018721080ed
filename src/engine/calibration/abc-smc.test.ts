import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from '../bargaining/normal.js';
import { createRng, randomNormal, type Rng } from '../random/rng.js';
import {
  abcSmc,
  cholesky,
  effectiveSampleSize,
  evaluateInThread,
  freeCoordinates,
  marginals,
  nextTolerance,
  posteriorCdf,
  systematicResample,
  type AbcResult,
  type Evaluate,
} from './abc-smc.js';
import type { CalibrationParameter } from './prior.js';

// Normal–normal: θ ~ N(0, 1), n = 10 observations y_i ~ N(θ, 1); the mean ȳ ~ N(θ, 1/10) is sufficient.
// Posterior (conjugate): precision 1 + n = 11, so θ | ȳ ~ N(n ȳ / 11, 1/11).
const N_OBS = 10;
const SIGMA = 1 / Math.sqrt(N_OBS);
const prior: CalibrationParameter[] = [{ name: 'theta', prior: { kind: 'normal', mean: 0, sd: 1 } }];
const simulateMean = (theta: readonly number[], rng: Rng): number => randomNormal(rng, theta[0] as number, SIGMA);

/**
 * The exact ABC posterior at tolerance ε, by quadrature (independent of the sampler):
 * π_ε(θ) ∝ φ(θ) · P(|ȳ_sim − y| ≤ ε | θ) = φ(θ) · [Φ((y + ε − θ)/σ) − Φ((y − ε − θ)/σ)].
 */
function abcPosteriorMoments(
  y: number,
  eps: number,
  priorDensity = (theta: number) => Math.exp(-0.5 * theta * theta),
): { mean: number; sd: number } {
  let z = 0;
  let m1 = 0;
  let m2 = 0;
  const h = 1e-3;
  for (let theta = -8; theta <= 8; theta += h) {
    const f = priorDensity(theta) * (normalCdf((y + eps - theta) / SIGMA) - normalCdf((y - eps - theta) / SIGMA));
    z += f;
    m1 += f * theta;
    m2 += f * theta * theta;
  }
  const mean = m1 / z;
  return { mean, sd: Math.sqrt(m2 / z - mean * mean) };
}

const fitNormal = async (observed: number, seed: number, population: number, generations: number, more = {}) => {
  const r = await abcSmc(
    prior,
    { seed, population, generations, ...more },
    evaluateInThread(simulateMean, (s) => Math.abs(s - observed)),
  );
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};

describe('adaptive ABC-SMC', () => {
  it('the exact ABC posterior approaches the conjugate N(10·0.8/11, 1/11) as ε → 0 (quadrature)', () => {
    const exact = { mean: (10 * 0.8) / 11, sd: Math.sqrt(1 / 11) }; // 0.7273, 0.3015
    const wide = abcPosteriorMoments(0.8, 1);
    const narrow = abcPosteriorMoments(0.8, 0.01);
    expect(Math.abs(wide.sd - exact.sd)).toBeGreaterThan(0.05);
    expect(narrow.mean).toBeCloseTo(exact.mean, 4);
    expect(narrow.sd).toBeCloseTo(exact.sd, 4);
  });

  it('matches the exact ABC posterior at its final tolerance, and the conjugate one at ε ≤ 0.02', async () => {
    const fit = await fitNormal(0.8, 11, 2000, 30, { minTolerance: 0.02, minAcceptance: 0 });
    const last = fit.generations.at(-1)!;
    expect(fit.stopped).toBe('tolerance');
    expect(last.tolerance).toBe(0.02);
    const [m] = marginals(fit);
    const abc = abcPosteriorMoments(0.8, last.tolerance);
    // Monte Carlo sd of a mean of 2000 particles of sd 0.30, inflated for MCMC duplicates: 3 × 0.30 / √(2000 / 4) ≈ 0.04.
    expect(Math.abs(m!.mean - abc.mean)).toBeLessThan(0.04);
    expect(Math.abs(m!.sd / abc.sd - 1)).toBeLessThan(0.08);
    expect(Math.abs(m!.mean - 0.7273)).toBeLessThan(0.04);
    expect(Math.abs(m!.sd / 0.3015 - 1)).toBeLessThan(0.08);
  });

  it('moves on a bounded prior through logit coordinates and matches the exact ABC posterior (uniform(0, 1) prior)', async () => {
    // θ ~ uniform(0, 1), ȳ ~ N(θ, 1/10), observed 0.9: the posterior piles against the bound at 1.
    const box: CalibrationParameter[] = [{ name: 'theta', prior: { kind: 'uniform', min: 0, max: 1 } }];
    const r = await abcSmc(
      box,
      { seed: 3, population: 2000, generations: 30, minTolerance: 0.02, minAcceptance: 0 },
      evaluateInThread(simulateMean, (s) => Math.abs(s - 0.9)),
    );
    if (!r.ok) throw new Error(r.error.code);
    const [m] = marginals(r.value);
    const exact = abcPosteriorMoments(0.9, r.value.generations.at(-1)!.tolerance, (t) => (t >= 0 && t <= 1 ? 1 : 0));
    expect(r.value.posterior.every((p) => p.theta[0]! > 0 && p.theta[0]! < 1)).toBe(true);
    expect(Math.abs(m!.mean - exact.mean)).toBeLessThan(0.02);
    expect(Math.abs(m!.sd / exact.sd - 1)).toBeLessThan(0.08);
    // Acceptance on the free coordinates: far above what a walk on θ near a bound would keep.
    expect(r.value.generations[1]!.acceptance).toBeGreaterThan(0.2);
  });

  it('free coordinates invert each other and carry the Jacobian dθ/dx', () => {
    const params: CalibrationParameter[] = [
      { name: 'box', prior: { kind: 'uniform', min: 0.1, max: 0.5 } },
      { name: 'tri', prior: { kind: 'triangular', min: 0, mode: 0.3, max: 2 } },
      { name: 'free', prior: { kind: 'normal', mean: 0, sd: 1 } },
    ];
    const f = freeCoordinates(params);
    const theta = [0.2, 1.5, -0.7];
    const x = f.toFree(theta);
    expect(x[0]).toBeCloseTo(Math.log(0.25 / 0.75), 12);
    expect(x[2]).toBe(-0.7);
    f.fromFree(x).forEach((v, i) => expect(v).toBeCloseTo(theta[i]!, 12));
    // |dθ/dx| by central differences, coordinate by coordinate.
    const h = 1e-6;
    const numeric = x.reduce((s, _, i) => {
      const up = f.fromFree(x.map((v, k) => (k === i ? v + h : v)))[i]!;
      const down = f.fromFree(x.map((v, k) => (k === i ? v - h : v)))[i]!;
      return s + Math.log((up - down) / (2 * h));
    }, 0);
    expect(f.logJacobian(theta)).toBeCloseTo(numeric, 6);
  });

  it('keeps α of the ESS per generation, resamples below 3N/4, and keeps every particle within its tolerance', async () => {
    const fit = await fitNormal(0.3, 2, 400, 8);
    const [g0, ...rest] = fit.generations as AbcResult['generations'];
    expect(g0!.tolerance).toBe(Infinity);
    let previousEss = 400;
    let previous = g0!;
    for (const g of rest) {
      // ε_t is the smallest distance of the previous particles at which the ESS reaches α = 0.5 of the previous ESS.
      expect(g.tolerance).toBe(nextTolerance(previous.particles, 0.5 * previousEss));
      expect(g.ess).toBeGreaterThanOrEqual(0.5 * previousEss);
      expect(g.resampled).toBe(g.ess < 0.75 * 400);
      expect(g.particles.reduce((s, p) => s + p.weight, 0)).toBeCloseTo(1, 12);
      expect(g.particles.every((p) => p.distance <= g.tolerance)).toBe(true);
      expect(g.moves).toBeGreaterThanOrEqual(1);
      previousEss = effectiveSampleSize(g.particles.map((p) => p.weight));
      previous = g;
    }
  });

  it('gives the identical fit however the proposals are scored (one at a time, last first)', async () => {
    const inThread = evaluateInThread(simulateMean, (s) => Math.abs(s - 0.3));
    const scattered: Evaluate = async (ps) => {
      const out = new Array<number>(ps.length);
      for (let i = ps.length - 1; i >= 0; i--) out[i] = ((await inThread([ps[i]!])) as number[])[0] as number;
      return out;
    };
    const a = await fitNormal(0.3, 5, 200, 4);
    const b = await abcSmc(prior, { seed: 5, population: 200, generations: 4 }, scattered);
    expect(b.ok && b.value).toStrictEqual(a);
    const other = await fitNormal(0.3, 6, 200, 4);
    expect(other.posterior).not.toStrictEqual(a.posterior);
  });

  it('does not collapse in 20 dimensions: most particles stay distinct (the old sampler kept an ESS of a few)', async () => {
    // θ_k ~ N(0, 1) independently, summary k ~ N(θ_k, 1/10); distance: the largest |summary − observed|.
    const d = 20;
    const params: CalibrationParameter[] = Array.from({ length: d }, (_, k) => ({
      name: `theta${k}`,
      prior: { kind: 'normal', mean: 0, sd: 1 },
    }));
    const observed = Array.from({ length: d }, (_, k) => (k % 5) / 5 - 0.4);
    const r = await abcSmc(
      params,
      { seed: 7, population: 500, generations: 10 },
      evaluateInThread(
        (theta, rng) => theta.map((t) => randomNormal(rng, t, SIGMA)),
        (s) => Math.max(...s.map((x, k) => Math.abs(x - observed[k]!))),
      ),
    );
    if (!r.ok) throw new Error(r.error.code);
    const last = r.value.generations.at(-1)!;
    expect(last.tolerance).toBeLessThan(r.value.generations[1]!.tolerance);
    expect(last.distinct).toBeGreaterThan(0.5 * 500);
    for (const g of r.value.generations.slice(1)) expect(g.ess).toBeGreaterThanOrEqual(0.25 * 500);
  }, 60_000);

  it('stops on each stated criterion: budget, tolerance ties, low acceptance', async () => {
    const budget = await fitNormal(0.3, 1, 50, 5, { maxSimulations: 50 });
    expect([budget.stopped, budget.generations.length]).toEqual(['budget', 1]);
    // Every distance equal: generation 1 takes ε = 1, and no smaller tolerance keeps half the ESS after it.
    const ties = await abcSmc(
      prior,
      { seed: 1, population: 50, generations: 5 },
      evaluateInThread(simulateMean, () => 1),
    );
    expect(ties.ok && [ties.value.stopped, ties.value.generations.length]).toEqual(['tolerance', 2]);
    // A summary that cannot come close to the observed: acceptance falls below 2 % as ε nears its floor of 1.
    const far = await abcSmc(
      prior,
      { seed: 1, population: 100, generations: 40 },
      evaluateInThread(simulateMean, (s) => 1 + Math.abs(s - 0.3)),
    );
    expect(far.ok && far.value.stopped).toBe('acceptance');
    if (far.ok) expect(far.value.generations.at(-1)!.acceptance).toBeLessThan(0.02);
  });

  it('refuses a prior without a density and a bad setting, naming them', async () => {
    const ev = evaluateInThread(simulateMean, () => 0);
    expect(
      await abcSmc(
        [{ name: 'x', prior: { kind: 'point', value: 1 } }],
        { seed: 1, population: 10, generations: 1 },
        ev,
      ),
    ).toMatchObject({ ok: false, error: { code: 'calibration/prior_unsupported', parameter: 'x' } });
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
    expect(await abcSmc(prior, { seed: 1, population: 10, generations: 1, alpha: 1 }, ev)).toMatchObject({
      ok: false,
      error: { code: 'calibration/invalid_setting', field: 'alpha' },
    });
  });

  it('systematic resampling, the tolerance rule with ties, the ESS and Cholesky on hand examples', () => {
    // Points (0.1 + k)/4 = 0.025, 0.275, 0.525, 0.775 on the cumulative weights 0.5, 0.75, 1.
    expect(systematicResample([0.5, 0.25, 0.25], 4, 0.1)).toEqual([0, 0, 1, 2]);
    expect(systematicResample([0, 1, 0], 3, 0.5)).toEqual([1, 1, 1]);
    expect(effectiveSampleSize([1, 1, 0, 0])).toBe(2);
    expect(effectiveSampleSize([0.5, 0.25, 0.25])).toBeCloseTo(1 / (0.25 + 0.0625 + 0.0625), 12);
    const ps = [0.4, 0.1, 0.2, 0.2, 0.9].map((distance) => ({ theta: [distance], weight: 0.2, distance }));
    // Equal weights: the ESS at ε is the count within ε; 2 is reached at 0.2, where two particles tie (count 3).
    expect(nextTolerance(ps, 2)).toBe(0.2);
    expect(nextTolerance(ps, 1)).toBe(0.1);
    expect(nextTolerance(ps, 5)).toBe(0.9);
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
  // R fits, each of a truth drawn from the prior; the posterior CDF at the truth (the normalised rank) must be uniform.
  const R = 200;
  it(`covers the truth at 50 % and 90 % within a 99.9 % binomial band; ranks uniform by χ² over 10 bins (α = 0.01), ${R} fits`, async () => {
    const rng = createRng(2018);
    const ranks: number[] = [];
    for (let r = 0; r < R; r++) {
      const truth = randomNormal(rng, 0, 1);
      const observed = simulateMean([truth], rng);
      const fit = await fitNormal(observed, 1000 + r, 200, 8);
      ranks.push(posteriorCdf(fit.posterior, 0, truth));
    }
    const z = -normalQuantile(0.0005); // 3.29
    const band = (p: number) => z * Math.sqrt(R * p * (1 - p));
    const in50 = ranks.filter((f) => f > 0.25 && f <= 0.75).length;
    const in90 = ranks.filter((f) => f > 0.05 && f <= 0.95).length;
    expect(Math.abs(in50 - 0.5 * R)).toBeLessThan(band(0.5));
    expect(Math.abs(in90 - 0.9 * R)).toBeLessThan(band(0.9));
    const bins = new Array<number>(10).fill(0);
    for (const f of ranks) bins[Math.min(9, Math.floor(f * 10))]!++;
    const chi2 = bins.reduce((s, o) => s + (o - R / 10) ** 2 / (R / 10), 0);
    expect(chi2).toBeLessThan(21.666); // χ²(9) at 0.99
  }, 120_000);
});
