/**
 * ABC-SMC: approximate Bayesian computation by sequential Monte Carlo, in the population Monte Carlo form of
 * Beaumont, Cornuet, Marin & Robert (2009, "Adaptive approximate Bayesian computation", Biometrika 96(4)) with
 *  - an adaptive tolerance sequence: ε_t is the α-quantile of the previous population's distances
 *    (Del Moral, Doucet & Jasra 2012, "An adaptive sequential Monte Carlo method for ABC", Stat. Comput. 22; the
 *    quantile rule of Drovandi & Pettitt 2011), α = 0.5 by default;
 *  - the optimal local covariance matrix (OLCM) kernel of Filippi, Barnes, Cornebise & Stumpf (2013, "On optimality
 *    of kernels for ABC-SMC", Stat. Appl. Genet. Mol. Biol. 12(1)): ancestor k is perturbed by a normal with
 *    Σ_k = Σ_{l: d_l ≤ ε_t} ŵ_l (θ_l − θ_k)(θ_l − θ_k)ᵀ over the previous particles already within the new tolerance
 *    (weights ŵ renormalised over them); when none is, twice the weighted covariance (Beaumont et al.'s kernel).
 * Generation 0 samples the prior (ε_0 = ∞). Generation t proposes in batches of fixed size, proposal j drawn from
 * createRng(deriveSeed(deriveSeed(seed, t), j)) and simulated with its own seed derived from it, so a proposal's
 * result depends on (seed, t, j) only, never on which worker ran it; the first N accepted proposals in index order
 * form the population, weighted w_i ∝ π(θ_i) / Σ_k w_k K_k(θ_i). A generation that cannot fill its population within
 * its simulation budget ends the fit with the last full population (`stopped: 'budget'`).
 * The simulator and the distance are the caller's: `evaluate` returns one distance per proposal (Infinity for a
 * proposal outside the prior, which is never simulated).
 */
import { createRng, deriveSeed, randomNormal, type Rng } from '../random/rng.js';
import { draw } from '../negotiation/distribution.js';
import { err, ok, type Result } from '../result.js';
import { checkPriors, priorDensity, type CalibrationParameter, type PriorError } from './prior.js';

export const ABC_SMC_METHOD =
  'ABC-SMC (Beaumont et al. 2009 population Monte Carlo; adaptive quantile tolerance, Del Moral et al. 2012; OLCM kernel, Filippi et al. 2013)';

export interface AbcSettings {
  readonly seed: number;
  /** Particles per generation (N). */
  readonly population: number;
  /** Generations, the prior sample (generation 0) included. */
  readonly generations: number;
  /** ε_t = the α-quantile of the previous distances (default 0.5). */
  readonly quantile?: number;
  /** Proposals simulated between two checks of the population (default N); also the unit of parallel work. */
  readonly batch?: number;
  /** Simulations a generation may run before the fit stops (default 50 N); proposals outside the prior cost none. */
  readonly maxSimulations?: number;
}

/** One proposal to simulate: a parameter vector and the seed of its simulation; outside the prior → not simulated. */
export interface Proposal {
  readonly index: number;
  readonly theta: readonly number[];
  readonly seed: number;
  readonly insidePrior: boolean;
}

export interface Particle {
  readonly theta: readonly number[];
  readonly weight: number;
  readonly distance: number;
}

export interface AbcGeneration {
  readonly index: number;
  readonly tolerance: number;
  readonly particles: readonly Particle[];
  /** Proposals made (simulated or outside the prior) to fill it. */
  readonly proposals: number;
  readonly simulations: number;
  /** Effective sample size, (Σw)² / Σw². */
  readonly ess: number;
}

export interface AbcResult {
  readonly method: string;
  readonly parameters: readonly CalibrationParameter[];
  readonly settings: Required<AbcSettings>;
  readonly generations: readonly AbcGeneration[];
  /** The last full generation's particles. */
  readonly posterior: readonly Particle[];
  readonly stopped: 'generations' | 'budget';
}

export interface AbcProgress {
  readonly generation: number;
  readonly generations: number;
  readonly tolerance: number;
  readonly accepted: number;
  readonly population: number;
  readonly proposals: number;
}

/** Simulates proposals (any way, on any worker) and returns their distances to the observed summaries, in order. */
export type Evaluate = (proposals: readonly Proposal[]) => Promise<readonly number[]>;

export type AbcError =
  PriorError | { readonly code: 'calibration/invalid_setting'; readonly field: string; readonly message: string };

const settingsOf = (s: AbcSettings): Required<AbcSettings> => ({
  seed: s.seed,
  population: s.population,
  generations: s.generations,
  quantile: s.quantile ?? 0.5,
  batch: s.batch ?? s.population,
  maxSimulations: s.maxSimulations ?? 50 * s.population,
});

function settingsProblem(s: Required<AbcSettings>): AbcError | null {
  const bad = (field: string, message: string): AbcError => ({ code: 'calibration/invalid_setting', field, message });
  if (!Number.isInteger(s.population) || s.population < 2) return bad('population', 'expected a whole number ≥ 2');
  if (!Number.isInteger(s.generations) || s.generations < 1) return bad('generations', 'expected a whole number ≥ 1');
  if (!(s.quantile > 0 && s.quantile < 1)) return bad('quantile', 'expected a number in (0, 1)');
  if (!Number.isInteger(s.batch) || s.batch < 1) return bad('batch', 'expected a whole number ≥ 1');
  if (!(s.maxSimulations >= s.population)) return bad('maxSimulations', 'expected at least the population');
  return null;
}

/** The seed of proposal j of generation t (its draws), and of its simulation. */
export const proposalSeed = (seed: number, generation: number, index: number): number =>
  deriveSeed(deriveSeed(seed, generation), index);
const SIMULATION_STREAM = 0x51a1;

/** The α-quantile (type 1, the smallest value with at least α of the values at or below it). */
export function quantileOf(values: readonly number[], alpha: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(alpha * sorted.length) - 1)] as number;
}

/** A normal perturbation kernel: θ_k + L z, L the lower Cholesky factor of Σ_k; `logNorm` = −log((2π)^{d/2} det L). */
interface Kernel {
  readonly center: readonly number[];
  readonly chol: readonly number[][];
  readonly logNorm: number;
}

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

function kernel(center: readonly number[], sigma: number[][]): Kernel {
  const chol = robustCholesky(sigma);
  const logDet = chol.reduce((s, row, i) => s + Math.log(row[i] as number), 0);
  return { center, chol, logNorm: -logDet - (center.length / 2) * Math.log(2 * Math.PI) };
}

function kernelDensity(k: Kernel, x: readonly number[]): number {
  // z = L⁻¹ (x − center) by forward substitution
  const d = x.length;
  const z = new Array<number>(d);
  let q = 0;
  for (let i = 0; i < d; i++) {
    const row = k.chol[i] as number[];
    let s = (x[i] as number) - (k.center[i] as number);
    for (let j = 0; j < i; j++) s -= (row[j] as number) * (z[j] as number);
    const zi = s / (row[i] as number);
    z[i] = zi;
    q += zi * zi;
  }
  return Math.exp(k.logNorm - 0.5 * q);
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

/** OLCM kernels for every particle of the previous generation, given the new tolerance. */
export function olcmKernels(previous: readonly Particle[], tolerance: number): Kernel[] {
  const within = previous.filter((p) => p.distance <= tolerance);
  if (within.length === 0) {
    const { cov } = weightedMoments(previous);
    return previous.map((p) =>
      kernel(
        p.theta,
        cov.map((row) => row.map((v) => 2 * v)),
      ),
    );
  }
  // Σ_k = Cov_L + (m_L − θ_k)(m_L − θ_k)ᵀ, the weighted second moment of the particles within ε_t about θ_k.
  const { mean, cov } = weightedMoments(within);
  return previous.map((p) => {
    const delta = mean.map((m, i) => m - (p.theta[i] as number));
    return kernel(
      p.theta,
      cov.map((row, i) => row.map((v, j) => v + (delta[i] as number) * (delta[j] as number))),
    );
  });
}

/** Index i with probability weights[i] / Σ (cumulative sums given). */
function pick(cumulative: readonly number[], u: number): number {
  const target = u * (cumulative[cumulative.length - 1] as number);
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cumulative[mid] as number) > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

interface GenerationPlan {
  readonly previous: readonly Particle[] | null;
  readonly kernels: readonly Kernel[];
  readonly cumulative: readonly number[];
}

/** Proposal j of generation t: a prior draw (t = 0), else a weighted ancestor perturbed by its OLCM kernel. */
function propose(
  parameters: readonly CalibrationParameter[],
  plan: GenerationPlan,
  seed: number,
  generation: number,
  index: number,
): Proposal {
  const own = proposalSeed(seed, generation, index);
  const rng: Rng = createRng(own);
  let theta: number[];
  if (plan.previous === null) theta = parameters.map((p) => draw(p.prior, rng));
  else {
    const k = plan.kernels[pick(plan.cumulative, rng.next())] as Kernel;
    const z = parameters.map(() => randomNormal(rng, 0, 1));
    theta = k.center.map((c, i) => {
      const row = k.chol[i] as number[];
      let s = c;
      for (let j = 0; j <= i; j++) s += (row[j] as number) * (z[j] as number);
      return s;
    });
  }
  return {
    index,
    theta,
    seed: deriveSeed(own, SIMULATION_STREAM),
    insidePrior: plan.previous === null || priorDensity(parameters, theta) > 0,
  };
}

const ess = (ps: readonly Particle[]): number => {
  const s = ps.reduce((a, p) => a + p.weight, 0);
  const s2 = ps.reduce((a, p) => a + p.weight * p.weight, 0);
  return s2 === 0 ? 0 : (s * s) / s2;
};

/**
 * Fits the parameters' posterior given a way to simulate and score proposals.
 * @example const fit = await abcSmc(params, { seed: 1, population: 500, generations: 6 }, evaluateInThread(model));
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
  const { seed, population: n, generations: total, quantile, batch, maxSimulations } = settings;
  const generations: AbcGeneration[] = [];
  let previous: readonly Particle[] | null = null;
  let stopped: AbcResult['stopped'] = 'generations';
  for (let t = 0; t < total; t++) {
    const tolerance =
      previous === null
        ? Infinity
        : quantileOf(
            previous.map((p) => p.distance),
            quantile,
          );
    const kernels = previous === null ? [] : olcmKernels(previous, tolerance);
    const cumulative: number[] = [];
    if (previous !== null) {
      let c = 0;
      for (const p of previous) cumulative.push((c += p.weight));
    }
    const plan: GenerationPlan = { previous, kernels, cumulative };
    const accepted: { theta: readonly number[]; distance: number }[] = [];
    // Counted up to the N-th accepted proposal, so that the batch size does not change them.
    let proposals = 0;
    let simulations = 0;
    let made = 0;
    let simulated = 0;
    // A hard stop on proposals too, for a kernel that keeps proposing outside the prior.
    while (accepted.length < n && simulated < maxSimulations && made < 1000 * maxSimulations) {
      const list: Proposal[] = [];
      for (let j = made; j < made + batch; j++) list.push(propose(parameters, plan, seed, t, j));
      simulated += list.filter((p) => p.insidePrior).length;
      const distances = await evaluate(list);
      for (let j = 0; j < list.length && accepted.length < n; j++) {
        const p = list[j] as Proposal;
        proposals++;
        if (p.insidePrior) simulations++;
        const d = p.insidePrior ? (distances[j] as number) : Infinity;
        if (d <= tolerance) accepted.push({ theta: p.theta, distance: d });
      }
      made += batch;
      onProgress?.({
        generation: t,
        generations: total,
        tolerance,
        accepted: accepted.length,
        population: n,
        proposals: made,
      });
    }
    if (accepted.length < n) {
      stopped = 'budget';
      break;
    }
    const prev = previous;
    const particles: Particle[] = accepted.map(({ theta, distance }) => {
      if (prev === null) return { theta, distance, weight: 1 / n };
      let mix = 0;
      for (let k = 0; k < prev.length; k++)
        mix += (prev[k] as Particle).weight * kernelDensity(kernels[k] as Kernel, theta);
      return { theta, distance, weight: priorDensity(parameters, theta) / mix };
    });
    const sum = particles.reduce((s, p) => s + p.weight, 0);
    const normalised = particles.map((p) => ({ ...p, weight: p.weight / sum }));
    generations.push({ index: t, tolerance, particles: normalised, proposals, simulations, ess: ess(normalised) });
    previous = normalised;
  }
  if (previous === null)
    return err({
      code: 'calibration/invalid_setting',
      field: 'maxSimulations',
      message: 'the prior sample did not fill',
    });
  return ok({ method: ABC_SMC_METHOD, parameters, settings, generations, posterior: previous, stopped });
}

/** Evaluates proposals on this thread: simulate each from its seed, then its distance to the observed summaries. */
export const evaluateInThread =
  <S>(simulate: (theta: readonly number[], rng: Rng) => S, distance: (simulated: S) => number): Evaluate =>
  (proposals) =>
    Promise.resolve(proposals.map((p) => (p.insidePrior ? distance(simulate(p.theta, createRng(p.seed))) : Infinity)));

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
