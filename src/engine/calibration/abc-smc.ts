/**
 * Adaptive ABC-SMC of Del Moral, Doucet & Jasra (2012, "An adaptive sequential Monte Carlo method for approximate
 * Bayesian computation", Stat. Comput. 22(5)), with one simulation per particle (their M = 1):
 *  - generation 0 samples the prior (ε_0 = ∞, weights 1/N);
 *  - generation t chooses its tolerance ε_t so that the effective sample size (ESS) of the reweighted particles,
 *    w_i ∝ w_i · 1{d_i ≤ ε_t}, is α times the previous one (the smallest ε_t reaching α·ESS_{t−1}; α = 0.5 by default);
 *  - when the ESS falls below a fraction of N (0.75 by default), the particles are resampled (systematic resampling,
 *    Kitagawa 1996) to N of equal weight;
 *  - every living particle is then moved by Metropolis–Hastings steps that leave π_ε_t invariant: a random walk on
 *    unbounded coordinates x (logit of a bounded prior's support; `freeCoordinates`), x' = x + L z with
 *    L Lᵀ = (2.38²/d) Σ̂, Σ̂ the weighted covariance of the living particles' x (the optimal scaling of Roberts,
 *    Gelman & Gilks 1997), accepted when u < π(θ')J(x')/(π(θ)J(x)) (prior ratio with its Jacobian) and the simulation
 *    from θ' lands within ε_t (the prior ratio is checked first, so a proposal it rejects is not simulated: Picchini
 *    2014's early rejection);
 *  - the number of steps per generation follows Drovandi & Pettitt (2011, "Estimation of parameters for macroparasite
 *    population evolution using approximate Bayesian computation", Biometrics 67(1)): after one step with acceptance
 *    rate p, R = ⌈log c / log(1 − p)⌉ steps in all, so that a particle moves at least once with probability 1 − c
 *    (c = 0.01), at most `maxMoves`;
 *  - the fit stops after the generation whose acceptance rate falls below `minAcceptance` (Drovandi & Pettitt's
 *    criterion: the tolerance has reached what the simulator can match), at the tolerance floor, when ε cannot fall
 *    further (ties), after `generations` generations or when the simulation budget is spent.
 * Why not the population Monte Carlo sampler this replaces (Beaumont et al. 2009 with OLCM kernels): its importance
 * weights π(θ)/Σ_k w_k K_k(θ) degenerate in many dimensions (an ESS of 1–7 of 1000 particles with 27 parameters); here
 * the weights are indicators and diversity comes from MCMC moves, which do not degrade with the dimension in that way.
 * Every random number comes from a stream derived from (seed, generation, step, particle), so a fit does not depend on
 * how proposals are split across workers.
 */
import { createRng, deriveSeed, randomNormal, type Rng } from '../random/rng.js';
import { draw } from '../negotiation/distribution.js';
import { err, ok, type Result } from '../result.js';
import { checkPriors, priorDensity, support, type CalibrationParameter, type PriorError } from './prior.js';

export const ABC_SMC_METHOD =
  'adaptive ABC-SMC (Del Moral, Doucet & Jasra 2012: tolerance keeping α of the ESS, systematic resampling, Metropolis–Hastings moves; move count and stop rule of Drovandi & Pettitt 2011)';

export interface AbcSettings {
  readonly seed: number;
  /** Particles (N). */
  readonly population: number;
  /** The most generations, the prior sample (generation 0) included. */
  readonly generations: number;
  /** α: each tolerance keeps this fraction of the previous generation's ESS (default 0.5). */
  readonly alpha?: number;
  /**
   * Resample when the ESS falls below this fraction of N (default 0.75: with α = 0.5 every generation then resamples and
   * moves all N particles, as in Drovandi & Pettitt's replenishment; at 0.5 every other generation would move N/2).
   */
  readonly resampleBelow?: number;
  /** c: enough Metropolis–Hastings steps that a particle stays put with probability c at most (default 0.01). */
  readonly moveTarget?: number;
  /** The most Metropolis–Hastings steps per generation (default 30). */
  readonly maxMoves?: number;
  /** Stop after a generation whose moves accept less than this share (default 0.02). */
  readonly minAcceptance?: number;
  /** Stop once the tolerance reaches this floor (default 0: no floor). */
  readonly minTolerance?: number;
  /** Simulations the fit may start; checked before each step, so it may overrun by one step (default 200 N). */
  readonly maxSimulations?: number;
}

/** One proposal: a parameter vector and the seed of its simulation; `simulate` false → rejected unsimulated. */
export interface Proposal {
  readonly index: number;
  readonly theta: readonly number[];
  readonly seed: number;
  /** False when the proposal was rejected before simulating (outside the prior, or by the prior ratio). */
  readonly simulate: boolean;
}

export interface Particle {
  readonly theta: readonly number[];
  readonly weight: number;
  readonly distance: number;
}

export interface AbcGeneration {
  readonly index: number;
  readonly tolerance: number;
  /** The particles after the generation's moves (weights sum to 1; zero-weight particles left out). */
  readonly particles: readonly Particle[];
  /** Effective sample size (Σw)² / Σw² of the weights at this tolerance, before any resampling. */
  readonly ess: number;
  readonly resampled: boolean;
  /** Metropolis–Hastings steps made (each moves every living particle once). */
  readonly moves: number;
  /** Proposals made: the prior sample (generation 0) or the moves'. */
  readonly proposals: number;
  readonly simulations: number;
  /** The moves' acceptance rate (null for generation 0). */
  readonly acceptance: number | null;
  /** Distinct parameter vectors among the particles after the moves. */
  readonly distinct: number;
}

export type AbcStop = 'generations' | 'acceptance' | 'tolerance' | 'budget';

export interface AbcResult {
  readonly method: string;
  readonly parameters: readonly CalibrationParameter[];
  readonly settings: Required<AbcSettings>;
  readonly generations: readonly AbcGeneration[];
  /** The last generation's particles. */
  readonly posterior: readonly Particle[];
  readonly stopped: AbcStop;
}

export interface AbcProgress {
  readonly generation: number;
  /** The most generations. */
  readonly generations: number;
  readonly tolerance: number;
  readonly ess: number;
  /** Metropolis–Hastings steps done and planned in this generation (0 of 0 for the prior sample). */
  readonly move: number;
  readonly moves: number;
  readonly simulations: number;
}

/** Simulates proposals (any way, on any worker) and returns their distances to the observed summaries, in order. */
export type Evaluate = (proposals: readonly Proposal[]) => Promise<readonly number[]>;

export type AbcError =
  PriorError | { readonly code: 'calibration/invalid_setting'; readonly field: string; readonly message: string };

const settingsOf = (s: AbcSettings): Required<AbcSettings> => ({
  seed: s.seed,
  population: s.population,
  generations: s.generations,
  alpha: s.alpha ?? 0.5,
  resampleBelow: s.resampleBelow ?? 0.75,
  moveTarget: s.moveTarget ?? 0.01,
  maxMoves: s.maxMoves ?? 30,
  minAcceptance: s.minAcceptance ?? 0.02,
  minTolerance: s.minTolerance ?? 0,
  maxSimulations: s.maxSimulations ?? 200 * s.population,
});

function settingsProblem(s: Required<AbcSettings>): AbcError | null {
  const bad = (field: string, message: string): AbcError => ({ code: 'calibration/invalid_setting', field, message });
  const unit = (x: number) => x > 0 && x < 1;
  if (!Number.isInteger(s.population) || s.population < 2) return bad('population', 'expected a whole number ≥ 2');
  if (!Number.isInteger(s.generations) || s.generations < 1) return bad('generations', 'expected a whole number ≥ 1');
  if (!unit(s.alpha)) return bad('alpha', 'expected a number in (0, 1)');
  if (!unit(s.resampleBelow)) return bad('resampleBelow', 'expected a number in (0, 1)');
  if (!unit(s.moveTarget)) return bad('moveTarget', 'expected a number in (0, 1)');
  if (!Number.isInteger(s.maxMoves) || s.maxMoves < 1) return bad('maxMoves', 'expected a whole number ≥ 1');
  if (!(s.minAcceptance >= 0 && s.minAcceptance < 1)) return bad('minAcceptance', 'expected a number in [0, 1)');
  if (!(s.minTolerance >= 0)) return bad('minTolerance', 'expected a number ≥ 0');
  if (!(s.maxSimulations >= s.population)) return bad('maxSimulations', 'expected at least the population');
  return null;
}

/** The seed of draw j of generation t's step r (r = 0: the prior sample and the resampling; moves from 1). */
export const drawSeed = (seed: number, generation: number, step: number, index: number): number =>
  deriveSeed(deriveSeed(deriveSeed(seed, generation), step), index);
const SIMULATION_STREAM = 0x51a1;
const RESAMPLE_INDEX = 0x7e5a;

/** The lower Cholesky factor of a symmetric matrix, or null if it is not positive definite. */
export function cholesky(a: readonly (readonly number[])[]): number[][] | null {
  const n = a.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const li = l[i] as number[];
    for (let j = 0; j <= i; j++) {
      const lj = l[j] as number[];
      let s = (a[i] as readonly number[])[j] as number;
      for (let k = 0; k < j; k++) s -= (li[k] as number) * (lj[k] as number);
      if (i === j) {
        if (!(s > 0)) return null;
        li[i] = Math.sqrt(s);
      } else li[j] = s / (lj[j] as number);
    }
  }
  return l;
}

/** Σ made positive definite: a jitter of 1e-10 · (its largest diagonal, or 1) added until Cholesky succeeds. */
function robustCholesky(sigma: number[][]): number[][] {
  const scale = Math.max(1e-300, ...sigma.map((row, i) => row[i] as number));
  let jitter = 1e-10 * scale;
  for (;;) {
    const l = cholesky(sigma);
    if (l !== null) return l;
    sigma = sigma.map((row, i) => row.map((v, j) => (i === j ? v + jitter : v)));
    jitter *= 10;
  }
}

function weightedMoments(ps: readonly Particle[]): { mean: number[]; cov: number[][] } {
  const d = (ps[0] as Particle).theta.length;
  const total = ps.reduce((s, p) => s + p.weight, 0);
  const mean = new Array<number>(d).fill(0);
  for (const p of ps)
    for (let i = 0; i < d; i++) mean[i] = (mean[i] as number) + (p.weight / total) * (p.theta[i] as number);
  const cov = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (const p of ps)
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) {
        const row = cov[i] as number[];
        row[j] =
          (row[j] as number) +
          (p.weight / total) *
            ((p.theta[i] as number) - (mean[i] as number)) *
            ((p.theta[j] as number) - (mean[j] as number));
      }
  return { mean, cov };
}

/** Effective sample size of weights, (Σw)² / Σw². */
export const effectiveSampleSize = (weights: readonly number[]): number => {
  let s = 0;
  let s2 = 0;
  for (const w of weights) {
    s += w;
    s2 += w * w;
  }
  return s2 === 0 ? 0 : (s * s) / s2;
};

/**
 * The next tolerance: the smallest distance among the weighted particles at which the ESS of w·1{d ≤ ε} reaches
 * `target` (the largest distance when none is smaller).
 */
export function nextTolerance(particles: readonly Particle[], target: number): number {
  const living = particles.filter((p) => p.weight > 0).sort((a, b) => a.distance - b.distance);
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < living.length; i++) {
    const p = living[i] as Particle;
    s += p.weight;
    s2 += p.weight * p.weight;
    const tied = i + 1 < living.length && (living[i + 1] as Particle).distance === p.distance;
    if (!tied && (s * s) / s2 >= target) return p.distance;
  }
  return (living[living.length - 1] as Particle).distance;
}

/**
 * The moves' unbounded coordinates: x = logit((θ − a)/(b − a)) for a prior bounded on [a, b], log(θ − a) or
 * log(b − θ) for one bound, θ itself for none. A random walk on x never leaves the prior's support, which a walk on θ
 * does for most proposals when many parameters sit in boxes; the target on x is π(θ(x)) · |dθ/dx| (the Jacobian).
 */
export interface FreeCoordinates {
  readonly toFree: (theta: readonly number[]) => number[];
  readonly fromFree: (x: readonly number[]) => number[];
  /** log |dθ/dx| at θ. */
  readonly logJacobian: (theta: readonly number[]) => number;
}

const EDGE = 1e-12;
export function freeCoordinates(parameters: readonly CalibrationParameter[]): FreeCoordinates {
  const bounds = parameters.map((p) => support(p.prior));
  return {
    toFree: (theta) =>
      theta.map((t, i) => {
        const { min: a, max: b } = bounds[i] as { min: number; max: number };
        if (Number.isFinite(a) && Number.isFinite(b)) {
          const f = Math.min(1 - EDGE, Math.max(EDGE, (t - a) / (b - a)));
          return Math.log(f / (1 - f));
        }
        if (Number.isFinite(a)) return Math.log(Math.max(EDGE, t - a));
        if (Number.isFinite(b)) return Math.log(Math.max(EDGE, b - t));
        return t;
      }),
    fromFree: (x) =>
      x.map((v, i) => {
        const { min: a, max: b } = bounds[i] as { min: number; max: number };
        if (Number.isFinite(a) && Number.isFinite(b)) return a + (b - a) / (1 + Math.exp(-v));
        if (Number.isFinite(a)) return a + Math.exp(v);
        if (Number.isFinite(b)) return b - Math.exp(v);
        return v;
      }),
    logJacobian: (theta) =>
      theta.reduce((s, t, i) => {
        const { min: a, max: b } = bounds[i] as { min: number; max: number };
        if (Number.isFinite(a) && Number.isFinite(b))
          return s + Math.log(Math.max(EDGE * (b - a), (t - a) * (b - t)) / (b - a));
        if (Number.isFinite(a)) return s + Math.log(Math.max(EDGE, t - a));
        if (Number.isFinite(b)) return s + Math.log(Math.max(EDGE, b - t));
        return s;
      }, 0),
  };
}

/**
 * Systematic resampling (Kitagawa 1996; Douc, Cappé & Moulines 2005): N equally spaced points u + k/N, u uniform on
 * [0, 1/N), on the cumulative normalised weights; returns the index of the ancestor of each new particle.
 */
export function systematicResample(weights: readonly number[], n: number, u: number): number[] {
  const total = weights.reduce((a, w) => a + w, 0);
  const out: number[] = [];
  let i = 0;
  let c = (weights[0] as number) / total;
  for (let k = 0; k < n; k++) {
    const point = (u + k) / n;
    while (point >= c && i < weights.length - 1) c += (weights[++i] as number) / total;
    out.push(i);
  }
  return out;
}

const distinctCount = (ps: readonly Particle[]): number => new Set(ps.map((p) => p.theta.join(','))).size;

/**
 * Fits the parameters' posterior given a way to simulate and score proposals.
 * @example const fit = await abcSmc(params, { seed: 1, population: 500, generations: 10 }, evaluateInThread(sim, dist));
 */
export async function abcSmc(
  parameters: readonly CalibrationParameter[],
  options: AbcSettings,
  evaluate: Evaluate,
  onProgress?: (p: AbcProgress) => void,
): Promise<Result<AbcResult, AbcError>> {
  const priors = checkPriors(parameters);
  if (!priors.ok) return priors;
  const settings = settingsOf(options);
  const problem = settingsProblem(settings);
  if (problem !== null) return err(problem);
  const { seed, population: n, generations: total } = settings;
  const d = parameters.length;
  const generations: AbcGeneration[] = [];
  let simulations = 0;

  // Generation 0: the prior sample.
  const first: Proposal[] = [];
  for (let j = 0; j < n; j++) {
    const own = drawSeed(seed, 0, 0, j);
    const rng: Rng = createRng(own);
    first.push({
      index: j,
      theta: parameters.map((p) => draw(p.prior, rng)),
      seed: deriveSeed(own, SIMULATION_STREAM),
      simulate: true,
    });
  }
  const firstDistances = await evaluate(first);
  simulations += n;
  let particles: Particle[] = first.map((p, j) => ({
    theta: p.theta,
    weight: 1 / n,
    distance: firstDistances[j] as number,
  }));
  generations.push({
    index: 0,
    tolerance: Infinity,
    particles,
    ess: n,
    resampled: false,
    moves: 0,
    proposals: n,
    simulations: n,
    acceptance: null,
    distinct: distinctCount(particles),
  });
  onProgress?.({ generation: 0, generations: total, tolerance: Infinity, ess: n, move: 0, moves: 0, simulations });
  let previousEss = n;
  let previousTolerance = Infinity;
  let stopped: AbcStop = 'generations';

  for (let t = 1; t < total; t++) {
    if (simulations >= settings.maxSimulations) {
      stopped = 'budget';
      break;
    }
    let tolerance = nextTolerance(particles, settings.alpha * previousEss);
    if (!(tolerance < previousTolerance)) {
      // Ties at the largest distance: no smaller tolerance keeps α of the ESS.
      stopped = 'tolerance';
      break;
    }
    const floor = tolerance <= settings.minTolerance;
    if (floor) tolerance = Math.min(previousTolerance, settings.minTolerance);
    // Reweight by the indicator, then drop the particles it kills.
    const weights = particles.map((p) => (p.distance <= tolerance ? p.weight : 0));
    const essHere = effectiveSampleSize(weights);
    let resampled = false;
    if (essHere < settings.resampleBelow * n) {
      const rng = createRng(drawSeed(seed, t, 0, RESAMPLE_INDEX));
      const from = particles;
      particles = systematicResample(weights, n, rng.next() / n).map((i) => ({
        ...(from[i] as Particle),
        weight: 1 / n,
      }));
      resampled = true;
    } else {
      const sum = weights.reduce((a, w) => a + w, 0);
      particles = particles.flatMap((p, i) =>
        (weights[i] as number) > 0 ? [{ ...p, weight: (weights[i] as number) / sum }] : [],
      );
    }

    // Metropolis–Hastings moves: a random walk on the unbounded coordinates, scaled to the living particles' covariance.
    const free = freeCoordinates(parameters);
    const xs = particles.map((p) => free.toFree(p.theta));
    const { cov } = weightedMoments(particles.map((p, i) => ({ ...p, theta: xs[i] as number[] })));
    const scale = (2.38 * 2.38) / d;
    const chol = robustCholesky(cov.map((row) => row.map((v) => scale * v)));
    // The target's density on x (unnormalised): π(θ) |dθ/dx|.
    const target = (theta: readonly number[]): number =>
      priorDensity(parameters, theta) * Math.exp(free.logJacobian(theta));
    const density = particles.map((p) => target(p.theta));
    let planned = 1;
    let proposals = 0;
    let accepted = 0;
    let generationSimulations = 0;
    let budgetSpent = false;
    let step = 1;
    for (; step <= planned; step++) {
      if (simulations >= settings.maxSimulations) {
        budgetSpent = true;
        break;
      }
      const moves: { proposal: Proposal; density: number; x: number[] }[] = particles.map((p, i) => {
        const own = drawSeed(seed, t, step, i);
        const rng = createRng(own);
        const z = parameters.map(() => randomNormal(rng, 0, 1));
        const x = (xs[i] as number[]).map((c, a) => {
          const row = chol[a] as number[];
          let s = c;
          for (let b = 0; b <= a; b++) s += (row[b] as number) * (z[b] as number);
          return s;
        });
        const theta = free.fromFree(x);
        const proposed = target(theta);
        const u = rng.next();
        return {
          proposal: {
            index: i,
            theta,
            seed: deriveSeed(own, SIMULATION_STREAM),
            simulate: proposed > 0 && u * (density[i] as number) < proposed,
          },
          density: proposed,
          x,
        };
      });
      const distances = await evaluate(moves.map((m) => m.proposal));
      let acceptedHere = 0;
      particles = particles.map((p, i) => {
        const m = moves[i] as { proposal: Proposal; density: number; x: number[] };
        if (!m.proposal.simulate) return p;
        const distance = distances[i] as number;
        if (!(distance <= tolerance)) return p;
        acceptedHere++;
        density[i] = m.density;
        xs[i] = m.x;
        return { theta: m.proposal.theta, weight: p.weight, distance };
      });
      const simulated = moves.filter((m) => m.proposal.simulate).length;
      simulations += simulated;
      generationSimulations += simulated;
      proposals += moves.length;
      accepted += acceptedHere;
      if (step === 1) {
        const p = acceptedHere / moves.length;
        planned =
          p >= 1
            ? 1
            : p <= 0
              ? settings.maxMoves
              : Math.min(settings.maxMoves, Math.max(1, Math.ceil(Math.log(settings.moveTarget) / Math.log(1 - p))));
      }
      onProgress?.({
        generation: t,
        generations: total,
        tolerance,
        ess: essHere,
        move: step,
        moves: planned,
        simulations,
      });
    }
    const acceptance = proposals === 0 ? 0 : accepted / proposals;
    generations.push({
      index: t,
      tolerance,
      particles,
      ess: essHere,
      resampled,
      moves: step - 1,
      proposals,
      simulations: generationSimulations,
      acceptance,
      distinct: distinctCount(particles),
    });
    previousEss = effectiveSampleSize(particles.map((p) => p.weight));
    previousTolerance = tolerance;
    if (budgetSpent) {
      stopped = 'budget';
      break;
    }
    if (acceptance < settings.minAcceptance) {
      stopped = 'acceptance';
      break;
    }
    if (floor) {
      stopped = 'tolerance';
      break;
    }
  }
  return ok({ method: ABC_SMC_METHOD, parameters, settings, generations, posterior: particles, stopped });
}

/** Evaluates proposals on this thread: simulate each from its seed, then its distance to the observed summaries. */
export const evaluateInThread =
  <S>(simulate: (theta: readonly number[], rng: Rng) => S, distance: (simulated: S) => number): Evaluate =>
  (proposals) =>
    Promise.resolve(proposals.map((p) => (p.simulate ? distance(simulate(p.theta, createRng(p.seed))) : Infinity)));

/** A parameter's weighted posterior: mean, sd and quantiles. */
export interface MarginalSummary {
  readonly name: string;
  readonly mean: number;
  readonly sd: number;
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
}

/** The weighted α-quantile of (value, weight) pairs: the smallest value whose cumulative weight reaches α. */
export function weightedQuantile(pairs: readonly { value: number; weight: number }[], alpha: number): number {
  const sorted = [...pairs].sort((a, b) => a.value - b.value);
  const total = sorted.reduce((s, p) => s + p.weight, 0);
  let c = 0;
  for (const p of sorted) {
    c += p.weight;
    if (c >= alpha * total - 1e-12) return p.value;
  }
  return (sorted[sorted.length - 1] as { value: number }).value;
}

/** The posterior CDF at x: the weight of particles whose parameter i is at or below x. */
export const posteriorCdf = (posterior: readonly Particle[], i: number, x: number): number =>
  posterior.reduce((s, p) => s + ((p.theta[i] as number) <= x ? p.weight : 0), 0) /
  posterior.reduce((s, p) => s + p.weight, 0);

export function marginals(result: Pick<AbcResult, 'parameters' | 'posterior'>): MarginalSummary[] {
  const { mean, cov } = weightedMoments(result.posterior);
  return result.parameters.map((p, i) => {
    const pairs = result.posterior.map((q) => ({ value: q.theta[i] as number, weight: q.weight }));
    return {
      name: p.name,
      mean: mean[i] as number,
      sd: Math.sqrt(Math.max(0, (cov[i] as number[])[i] as number)),
      p5: weightedQuantile(pairs, 0.05),
      p50: weightedQuantile(pairs, 0.5),
      p95: weightedQuantile(pairs, 0.95),
    };
  });
}
