/**
 * Linear-additive preferences: u(ω) = Σ_i w_i · v_i(ω_i), weights summing to 1, each v_i in [0, 1].
 * A reservation value (the utility of no deal) may change by step, e.g. as a lapse grows costly.
 */
import type { Domain, Issue, IssueValue, Outcome } from './domain.js';

export type ValueFunction =
  /** Linear over [min, max] of a numeric issue: increasing 0→1 or decreasing 1→0. */
  | { readonly kind: 'linear'; readonly direction: 'increasing' | 'decreasing' }
  /** An explicit value per option (categorical) or per numeric value written with String(value); missing = 0. */
  | { readonly kind: 'table'; readonly values: Readonly<Record<string, number>> }
  /** 0 at and beyond `low` and `high`, 1 at `peak`, linear in between (numeric issues). */
  | { readonly kind: 'triangular'; readonly low: number; readonly peak: number; readonly high: number };

export type ReservationValue =
  | { readonly kind: 'constant'; readonly value: number }
  /** A step function of the negotiation step: the value of the last point whose step is ≤ the current step. */
  | { readonly kind: 'by-step'; readonly points: readonly { readonly step: number; readonly value: number }[] };

export interface Preferences {
  /** Weight per issue name; the weights sum to 1. */
  readonly weights: Readonly<Record<string, number>>;
  readonly values: Readonly<Record<string, ValueFunction>>;
  readonly reservation: ReservationValue;
  /** Utility is multiplied by discount^round when set (Rubinstein-style impatience). */
  readonly discount?: number;
}

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/** v_i(x) in [0, 1]. */
export function issueValue(issue: Issue, fn: ValueFunction, value: IssueValue): number {
  switch (fn.kind) {
    case 'table':
      return clamp01(fn.values[String(value)] ?? 0);
    case 'linear': {
      if (issue.kind !== 'numeric' || typeof value !== 'number') return 0;
      const span = issue.max - issue.min;
      const x = span === 0 ? 1 : (value - issue.min) / span;
      return clamp01(fn.direction === 'increasing' ? x : 1 - x);
    }
    case 'triangular': {
      if (typeof value !== 'number') return 0;
      if (value === fn.peak) return 1;
      if (value <= fn.low || value >= fn.high) return 0;
      return clamp01(value < fn.peak ? (value - fn.low) / (fn.peak - fn.low) : (fn.high - value) / (fn.high - fn.peak));
    }
  }
}

/**
 * Undiscounted utility of an outcome, in [0, 1].
 * @example utility(domain, buyer, { price: 250 }); // 0.75 for a buyer linear-decreasing on 0..1000
 */
export function utility(domain: Domain, prefs: Preferences, outcome: Outcome): number {
  let u = 0;
  for (const issue of domain.issues) {
    const w = prefs.weights[issue.name] ?? 0;
    const fn = prefs.values[issue.name];
    const value = outcome[issue.name];
    if (w === 0 || fn === undefined || value === undefined) continue;
    u += w * issueValue(issue, fn, value);
  }
  return clamp01(u);
}

/** Utility discounted to a round: u · δ^round. */
export const discountedUtility = (domain: Domain, prefs: Preferences, outcome: Outcome, round: number): number =>
  utility(domain, prefs, outcome) * (prefs.discount === undefined ? 1 : prefs.discount ** round);

/** The reservation value at a step, in [0, 1]. */
export function reservationAt(reservation: ReservationValue, step: number): number {
  if (reservation.kind === 'constant') return clamp01(reservation.value);
  let value = 0;
  for (const point of reservation.points) if (point.step <= step) value = point.value;
  return clamp01(value);
}

const BITS = new Float64Array(1);
const WORD = new BigInt64Array(BITS.buffer);

/**
 * The least reservation value that a deal the Assembly rejected no longer meets: the next double above its utility u
 * (u ≥ 0), so "worth at least this" means "worth strictly more than the rejected deal", with no tolerance to choose.
 * Consent is monotone (the Assembly's blocs, like the delegation, prefer a smaller increase), so a deal worth no more
 * to Korea than one rejected would be rejected at least as surely: the delegation stops accepting or offering it.
 * @example aboveRejected(0.5) > 0.5 && aboveRejected(0.5) - 0.5 < 1e-15 // true
 */
export function aboveRejected(u: number): number {
  if (u <= 0) return Number.MIN_VALUE;
  BITS[0] = u;
  WORD[0] = (WORD[0] as bigint) + 1n;
  return BITS[0] as number;
}

/**
 * The one rule for the reservation value a delegation acts on after failed consent votes: its reservation value on
 * the date, raised to just above the best-for-it deal its Assembly has rejected so far in the talks (`bound`: that
 * deal's aboveRejected, 0 before any rejection). Decisions only: a breakdown still pays the reservation value itself.
 * @example reservationAfterRejections(0.4, aboveRejected(0.55)) // just above 0.55
 */
export const reservationAfterRejections = (reservation: number, bound: number): number =>
  bound > reservation ? bound : reservation;
