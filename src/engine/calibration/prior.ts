/**
 * Priors for calibration: the engine's `Distribution` (negotiation/distribution.ts) read as a density. ABC-SMC weighs
 * each particle by the prior's density, so only kinds with a density qualify: uniform, triangular, an unbounded
 * normal, and mixtures of them. A clamped normal puts mass on its bounds and a point or discrete law has no density;
 * they are refused as data (`calibration/prior_unsupported`), naming the parameter.
 */
import { err, ok, type Result } from '../result.js';
import { distributionProblem, type Distribution } from '../negotiation/distribution.js';

export interface CalibrationParameter {
  /** A stable name: the scenario field it sets, e.g. `shared.rok.reservation` or `sma-11-talks.us.reservation`. */
  readonly name: string;
  readonly prior: Distribution;
}

export type PriorError = {
  readonly code: 'calibration/prior_unsupported';
  readonly parameter: string;
  readonly message: string;
};

/** Why a distribution has no density usable as a prior (null when it has one). */
function densityProblem(d: Distribution): string | null {
  const problem = distributionProblem(d);
  if (problem !== null) return problem;
  switch (d.kind) {
    case 'uniform':
    case 'triangular':
      return d.max > d.min ? null : 'expected max > min';
    case 'normal':
      if (d.min !== undefined || d.max !== undefined)
        return 'expected a normal without min/max (a clamped normal has point masses)';
      return d.sd > 0 ? null : 'expected sd > 0';
    case 'mixture':
      return d.components.map((c) => densityProblem(c.distribution)).find((p) => p !== null) ?? null;
    case 'point':
    case 'discrete':
      return `expected a uniform, triangular, normal or mixture prior, found ${d.kind}`;
  }
}

/** Checks that every prior has a density. */
export function checkPriors(parameters: readonly CalibrationParameter[]): Result<true, PriorError> {
  for (const p of parameters) {
    const problem = densityProblem(p.prior);
    if (problem !== null) return err({ code: 'calibration/prior_unsupported', parameter: p.name, message: problem });
  }
  return ok(true);
}

/** The density of a prior checked by `checkPriors` at x. */
export function density(d: Distribution, x: number): number {
  switch (d.kind) {
    case 'uniform':
      return x >= d.min && x <= d.max ? 1 / (d.max - d.min) : 0;
    case 'triangular':
      if (x < d.min || x > d.max) return 0;
      return x <= d.mode
        ? d.mode === d.min
          ? 2 / (d.max - d.min)
          : (2 * (x - d.min)) / ((d.max - d.min) * (d.mode - d.min))
        : (2 * (d.max - x)) / ((d.max - d.min) * (d.max - d.mode));
    case 'normal': {
      const z = (x - d.mean) / d.sd;
      return Math.exp(-0.5 * z * z) / (d.sd * Math.sqrt(2 * Math.PI));
    }
    case 'mixture':
      return d.components.reduce((s, c) => s + c.weight * density(c.distribution, x), 0);
    case 'point':
    case 'discrete':
      throw new Error(`density of a ${d.kind} distribution: checkPriors refuses it`);
  }
}

/** The joint prior density of independent parameters. */
export const priorDensity = (parameters: readonly CalibrationParameter[], theta: readonly number[]): number =>
  parameters.reduce((p, param, i) => (p === 0 ? 0 : p * density(param.prior, theta[i] as number)), 1);

/** The support's bounds of a prior (±Infinity for a normal): a fitted normal is clamped to them. */
export function support(d: Distribution): { readonly min: number; readonly max: number } {
  switch (d.kind) {
    case 'uniform':
    case 'triangular':
      return { min: d.min, max: d.max };
    case 'mixture': {
      const s = d.components.map((c) => support(c.distribution));
      return { min: Math.min(...s.map((b) => b.min)), max: Math.max(...s.map((b) => b.max)) };
    }
    case 'normal':
      return { min: d.min ?? -Infinity, max: d.max ?? Infinity };
    case 'point':
      return { min: d.value, max: d.value };
    case 'discrete': {
      const v = d.outcomes.map((o) => o.value);
      return { min: Math.min(...v), max: Math.max(...v) };
    }
  }
}
