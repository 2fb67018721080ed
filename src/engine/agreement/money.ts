/**
 * Exact money arithmetic: rates as parts per million, amounts as integers, BigInt where products exceed 2^53.
 */
import { err, ok, type Result } from '../result.js';

export const PPM = 1_000_000;
const PPM_BIG = 1_000_000n;

export type RateError =
  | { readonly code: 'money/rate_not_finite'; readonly rate: number }
  | { readonly code: 'money/rate_too_precise'; readonly rate: number; readonly decimals: number };

/** An exact decimal: value = digits / 10^scale (scale may be negative for large numbers). */
interface ExactDecimal {
  readonly digits: bigint;
  readonly scale: number;
}

// String(x) is the shortest decimal that round-trips to x, i.e. the decimal the author wrote (0.083, not 0.08299…).
const exactDecimal = (x: number): ExactDecimal => {
  const text = String(x);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(text);
  if (match === null) throw new RangeError(`not a finite decimal: ${text}`);
  const [, sign = '', whole = '0', fraction = '', exponent = '0'] = match;
  const digits = BigInt(`${sign}${whole}${fraction}`);
  return { digits, scale: fraction.length - Number(exponent) };
};

// Below 2^30 in magnitude a double's spacing is under 1e-6, so at most one multiple of 1e-6 rounds to a given
// double: if ppm / 10^6 gives back the rate, ppm is exactly the decimal the author wrote (the shortest decimal, which
// String(x) gives, is then that same multiple). Larger or finer values take the exact decimal path.
const FAST_PPM_LIMIT = 1e15;

/** The rate's exact ppm by float arithmetic, or undefined when only the decimal path can tell. */
const fastPpm = (rate: number): number | undefined => {
  const ppm = Math.round(rate * PPM);
  // + 0 turns -0 into 0, as the decimal path gives
  return Math.abs(ppm) <= FAST_PPM_LIMIT && ppm / PPM === rate ? ppm + 0 : undefined;
};

/** {@link rateToPpm} through the decimal the rate prints as, in BigInt: the reference the fast path must agree with. */
export const rateToPpmExact = (rate: number): Result<number, RateError> => {
  if (!Number.isFinite(rate)) return err({ code: 'money/rate_not_finite', rate });
  const { digits, scale } = exactDecimal(rate);
  if (scale > 6) return err({ code: 'money/rate_too_precise', rate, decimals: scale });
  return ok(Number(digits * 10n ** BigInt(6 - scale)));
};

/**
 * A decimal rate in parts per million, exactly; more than 6 decimals is an error, not a silent rounding.
 * @example rateToPpm(0.083) // { ok: true, value: 83000 }
 */
export const rateToPpm = (rate: number): Result<number, RateError> => {
  const ppm = fastPpm(rate);
  return ppm === undefined ? rateToPpmExact(rate) : ok(ppm);
};

/**
 * A ppm rate as a decimal number (83000 → 0.083); exact to the shortest representation.
 * Dividing two exact integers rounds correctly, so it is the double nearest ppm × 10^-6, as parsing `${ppm}e-6` is.
 */
export const ppmToRate = (ppm: number): number => (Number.isSafeInteger(ppm) ? ppm / PPM : Number(`${ppm}e-6`));

/** Floor division for BigInt (BigInt `/` truncates toward zero). */
const floorDiv = (a: bigint, b: bigint): bigint => {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
};

/**
 * amount × (1 + ppm/10^6), rounded half up (toward +∞ on ties) to a multiple of unit, in exact integer arithmetic.
 * @example applyRatePpm(960_200_000_000n, 82_000, 100_000_000n) // 1_038_900_000_000n
 */
export const applyRatePpm = (amount: bigint, ppm: number, unit: bigint): bigint => {
  if (unit <= 0n) throw new RangeError('unit must be positive');
  if (!Number.isSafeInteger(ppm)) throw new RangeError('ppm must be an integer');
  const numerator = amount * (PPM_BIG + BigInt(ppm));
  const denominator = unit * PPM_BIG;
  // floor(x / d + 1/2) = floor((2x + d) / 2d)
  return floorDiv(2n * numerator + denominator, 2n * denominator) * unit;
};

/** {@link applyRatePpm} on safe integers; throws if the inputs or the result are not safe integers. */
export const applyRate = (amount: number, ppm: number, unit: number): number => {
  if (!Number.isSafeInteger(amount) || !Number.isSafeInteger(unit))
    throw new RangeError('amount and unit must be safe integers');
  const result = applyRatePpm(BigInt(amount), ppm, BigInt(unit));
  if (result > BigInt(Number.MAX_SAFE_INTEGER) || result < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError('result exceeds the safe integer range');
  }
  return Number(result);
};

/** Rounds an amount half up to a multiple of unit. */
export const roundToUnit = (amount: number, unit: number): number => applyRate(amount, 0, unit);

/** {@link roundGrowthToPpm} in BigInt on the decimal the growth prints as: the reference the fast path must agree with. */
export const roundGrowthToPpmExact = (growth: number, stepPpm: number): number => {
  if (!Number.isFinite(growth)) throw new RangeError('growth must be finite');
  if (!Number.isSafeInteger(stepPpm) || stepPpm <= 0) throw new RangeError('step must be a positive integer ppm');
  const { digits, scale } = exactDecimal(growth);
  // growth in ppm = digits × 10^6 / 10^scale; steps = that / stepPpm
  const numerator = scale <= 6 ? digits * 10n ** BigInt(6 - scale) : digits;
  const denominator = (scale <= 6 ? 1n : 10n ** BigInt(scale - 6)) * BigInt(stepPpm);
  const magnitude = numerator < 0n ? -numerator : numerator;
  const steps = (2n * magnitude + denominator) / (2n * denominator);
  return Number(numerator < 0n ? -steps : steps) * stepPpm;
};

/**
 * Rounds a growth value half away from zero to a multiple of step (in ppm), exactly on the decimal as written:
 * 0.0535 at step 1000 ppm (0.1 pp) → 54000 ppm. A step of 1 ppm rounds to the nearest ppm.
 * @example roundGrowthToPpm(0.0535, 1000) // 54000
 */
export const roundGrowthToPpm = (growth: number, stepPpm: number): number => {
  const ppm = fastPpm(growth);
  if (ppm === undefined || !Number.isSafeInteger(stepPpm) || stepPpm <= 0 || stepPpm > FAST_PPM_LIMIT) {
    return roundGrowthToPpmExact(growth, stepPpm);
  }
  // the same half-away-from-zero division, on integers under 2^53 where % and / are exact
  const twice = 2 * Math.abs(ppm) + stepPpm;
  const steps = (twice - (twice % (2 * stepPpm))) / (2 * stepPpm);
  return steps === 0 ? 0 : (ppm < 0 ? -steps : steps) * stepPpm;
};
