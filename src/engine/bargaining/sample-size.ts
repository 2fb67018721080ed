/** How many Monte Carlo runs an estimated probability needs, and the interval a result carries. */
import { err, ok, type Result } from '../result.js';
import { normalQuantile } from './normal.js';

export type SampleSizeError = {
  readonly code: 'sample_size/invalid_argument';
  readonly details: { readonly name: string; readonly value: number };
};

const invalid = (name: string, value: number): Result<never, SampleSizeError> =>
  err({ code: 'sample_size/invalid_argument', details: { name, value } });

const inOpenUnit = (x: number): boolean => Number.isFinite(x) && x > 0 && x < 1;

/**
 * Runs n so that the normal-approximation interval p ± z·√(p(1 − p)/n) has half-width at most `halfWidth`:
 * n = ⌈z²·p(1 − p)/h²⌉ with z = Φ⁻¹((1 + confidence)/2).
 * @example requiredRuns(0.01, 0.5, 0.95) // ok(9604)
 */
export function requiredRuns(halfWidth: number, p: number, confidence: number): Result<number, SampleSizeError> {
  if (!inOpenUnit(halfWidth)) return invalid('halfWidth', halfWidth);
  if (!(Number.isFinite(p) && p >= 0 && p <= 1)) return invalid('p', p);
  if (!inOpenUnit(confidence)) return invalid('confidence', confidence);
  const z = normalQuantile((1 + confidence) / 2);
  return ok(Math.max(1, Math.ceil((z * z * p * (1 - p)) / (halfWidth * halfWidth))));
}

export interface ProportionInterval {
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * Wilson (1927) score interval for a proportion: good coverage even near 0 and 1, unlike the Wald interval.
 * @example wilsonInterval(0, 20, 0.95) // ok({ estimate: 0, lower: 0, upper: 0.1611… })
 */
export function wilsonInterval(
  successes: number,
  n: number,
  confidence: number,
): Result<ProportionInterval, SampleSizeError> {
  if (!(Number.isInteger(n) && n >= 1)) return invalid('n', n);
  if (!(Number.isInteger(successes) && successes >= 0 && successes <= n)) return invalid('successes', successes);
  if (!inOpenUnit(confidence)) return invalid('confidence', confidence);
  const z = normalQuantile((1 + confidence) / 2);
  const z2 = z * z;
  const phat = successes / n;
  const denominator = 1 + z2 / n;
  const centre = (phat + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((phat * (1 - phat)) / n + z2 / (4 * n * n));
  return ok({
    estimate: phat,
    lower: successes === 0 ? 0 : Math.max(0, centre - half),
    upper: successes === n ? 1 : Math.min(1, centre + half),
  });
}
