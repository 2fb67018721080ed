/**
 * The NegMAS round mode between two time-based negotiators, without the reducer: utilities precomputed over the
 * outcome grid; a time-based agent's threshold and offer depend only on the round, so both are found once per
 * round (binary search) when the agent is prepared; the loop then only compares and indexes, allocating nothing. negmas-fast.test.ts proves it gives
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
  /** offers[r]: the outcome index offered in round r (lowest utility at or above thresholds[r]). */
  readonly offers: Int32Array;
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
  const offers = new Int32Array(deadline);
  const n = table.sorted.length;
  for (let r = 0; r < deadline; r++) {
    const threshold = negmasThreshold((r + 1) / (deadline + 1), e, pmin, table.max) - NEGMAS_TOLERANCE;
    const j = lowerBound(table.sorted, threshold);
    thresholds[r] = threshold;
    offers[r] = table.order[j < n ? j : n - 1] as number;
  }
  return { utilities: table.utilities, sorted: table.sorted, order: table.order, thresholds, offers };
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
  const u0 = first.utilities;
  const u1 = second.utilities;
  const t0 = first.thresholds;
  const t1 = second.thresholds;
  const o0 = first.offers;
  const o1 = second.offers;
  let standing = -1;
  // Round r: the first party accepts or offers, then the second; 2r offers precede round r.
  for (let r = 0; r < deadline; r++) {
    if (standing >= 0 && (u0[standing] as number) >= (t0[r] as number)) return finish(out, standing, r + 1, 2 * r);
    standing = o0[r] as number;
    if ((u1[standing] as number) >= (t1[r] as number)) return finish(out, standing, r + 1, 2 * r + 1);
    standing = o1[r] as number;
  }
  return finish(out, -1, deadline, 2 * deadline);
}

function finish(out: NegmasFastResult, agreement: number, round: number, offers: number): NegmasFastResult {
  out.agreement = agreement;
  out.round = round;
  out.offers = offers;
  return out;
}
