/**
 * The NegMAS round mode between two time-based negotiators, without the reducer: precomputed utilities and
 * per-round thresholds, a binary search per offer, no allocation per step. negmas-fast.test.ts proves it gives
 * the reducer-driven path's (agreement, round, offers) on the price table and on random domains.
 * Reservation values are constant here (time-dependent ones need the reducer path).
 */
import { lowerBound, type OutcomeTable } from './outcome-table.js';
import { negmasExponent, negmasThreshold, NEGMAS_TOLERANCE, type NegmasAspiration } from './strategies.js';

export interface NegmasFastAgent {
  readonly utilities: Float64Array;
  readonly sorted: Float64Array;
  readonly order: Int32Array;
  /** thresholds[r]: acceptance and offering threshold in round r (already lowered by the tolerance). */
  readonly thresholds: Float64Array;
}

/** Precomputes an agent's thresholds for a deadline of n rounds (t = (r + 1)/(n + 1)). */
export function prepareNegmasAgent(
  table: OutcomeTable,
  aspiration: NegmasAspiration | number,
  reservation: number,
  deadline: number,
): NegmasFastAgent {
  const e = negmasExponent(aspiration);
  const pmin = Math.max(table.min, reservation);
  const thresholds = new Float64Array(deadline);
  for (let r = 0; r < deadline; r++)
    thresholds[r] = negmasThreshold((r + 1) / (deadline + 1), e, pmin, table.max) - NEGMAS_TOLERANCE;
  return { utilities: table.utilities, sorted: table.sorted, order: table.order, thresholds };
}

export interface NegmasFastResult {
  /** Index of the agreed outcome in the shared outcome list, or −1. */
  agreement: number;
  /** Rounds begun, as NegMAS counts them. */
  round: number;
  offers: number;
}

/**
 * Runs one negotiation, `first` (added first) moving first in every round; writes into `out` to avoid allocating.
 * @example runNegmasFast(buyer, seller, 100, out); // out = { agreement: 501, round: 85, offers: 169 } for Boulware×Boulware
 */
export function runNegmasFast(
  first: NegmasFastAgent,
  second: NegmasFastAgent,
  deadline: number,
  out: NegmasFastResult = { agreement: -1, round: 0, offers: 0 },
): NegmasFastResult {
  let standing = -1;
  let offers = 0;
  for (let r = 0; r < deadline; r++) {
    for (let side = 0; side < 2; side++) {
      const a = side === 0 ? first : second;
      const threshold = a.thresholds[r] as number;
      if (standing >= 0 && (a.utilities[standing] as number) >= threshold) {
        out.agreement = standing;
        out.round = r + 1;
        out.offers = offers;
        return out;
      }
      const j = lowerBound(a.sorted, threshold);
      standing = a.order[j < a.sorted.length ? j : a.sorted.length - 1] as number;
      offers++;
    }
  }
  out.agreement = -1;
  out.round = deadline;
  out.offers = offers;
  return out;
}
