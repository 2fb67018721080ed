/**
 * Closed forms for splitting a pie of size 1 by alternating offers. Player 1 proposes first; x1 is player 1's share.
 * Convention: δi is player i's per-period discount factor, in [0, 1).
 */
import { err, ok, type Result } from '../result.js';

export type ClosedFormError =
  | {
      readonly code: 'bargaining/discount_out_of_range';
      readonly details: { readonly name: string; readonly value: number };
    }
  | { readonly code: 'bargaining/horizon_invalid'; readonly details: { readonly horizon: number } }
  | { readonly code: 'bargaining/rate_invalid'; readonly details: { readonly name: string; readonly value: number } }
  | {
      readonly code: 'bargaining/outside_option_out_of_range';
      readonly details: { readonly value: number };
    };

/** The agreed split: shares of the pie for the first proposer and the responder, summing to 1. */
export interface PieSplit {
  readonly proposerShare: number;
  readonly responderShare: number;
}

const split = (x1: number): PieSplit => ({ proposerShare: x1, responderShare: 1 - x1 });

function checkDiscount(name: string, value: number): ClosedFormError | null {
  return Number.isFinite(value) && value >= 0 && value < 1
    ? null
    : { code: 'bargaining/discount_out_of_range', details: { name, value } };
}

function checkHorizon(horizon: number): ClosedFormError | null {
  return Number.isInteger(horizon) && horizon >= 1
    ? null
    : { code: 'bargaining/horizon_invalid', details: { horizon } };
}

/**
 * Rubinstein (1982): the unique subgame-perfect split of the infinite-horizon game, agreed at once:
 * x1 = (1 − δ2)/(1 − δ1·δ2).
 * @example rubinsteinSplit(0.9, 0.8) // ok({ proposerShare: 0.7142857…, responderShare: 0.2857142… })
 */
export function rubinsteinSplit(delta1: number, delta2: number): Result<PieSplit, ClosedFormError> {
  const bad = checkDiscount('delta1', delta1) ?? checkDiscount('delta2', delta2);
  if (bad) return err(bad);
  return ok(split((1 - delta2) / (1 - delta1 * delta2)));
}

function checkRate(name: string, value: number): ClosedFormError | null {
  return Number.isFinite(value) && value > 0 ? null : { code: 'bargaining/rate_invalid', details: { name, value } };
}

/**
 * Binmore, Rubinstein & Wolinsky (1986): offers every Δ units of time, δi = exp(−ri·Δ), then Rubinstein's split.
 * @example frequentOffersSplit(0.05, 0.1, 0.01) // ok({ proposerShare: 0.6668333…, … })
 */
export function frequentOffersSplit(rate1: number, rate2: number, interval: number): Result<PieSplit, ClosedFormError> {
  const bad = checkRate('rate1', rate1) ?? checkRate('rate2', rate2) ?? checkRate('interval', interval);
  if (bad) return err(bad);
  // −expm1(−rΔ) = 1 − δ without cancellation when rΔ is small
  const oneMinusDelta2 = -Math.expm1(-rate2 * interval);
  const oneMinusDelta1Delta2 = -Math.expm1(-(rate1 + rate2) * interval);
  return ok(split(oneMinusDelta2 / oneMinusDelta1Delta2));
}

/**
 * The Δ → 0 limit of frequent offers: x1 = r2/(r1 + r2), the asymmetric Nash split with weights 1/ri.
 * @example frequentOffersLimitSplit(0.05, 0.1) // ok({ proposerShare: 0.6666…, … })
 */
export function frequentOffersLimitSplit(rate1: number, rate2: number): Result<PieSplit, ClosedFormError> {
  const bad = checkRate('rate1', rate1) ?? checkRate('rate2', rate2);
  if (bad) return err(bad);
  return ok(split(rate2 / (rate1 + rate2)));
}

/**
 * Ståhl (1972), T periods, equal δ, last proposer takes all: x1(T) = (1 − (−δ)^T)/(1 + δ).
 * @example stahlSplitEqualDiscount(0.9, 3) // ok({ proposerShare: 0.91, … })
 */
export function stahlSplitEqualDiscount(delta: number, horizon: number): Result<PieSplit, ClosedFormError> {
  const bad = checkDiscount('delta', delta) ?? checkHorizon(horizon);
  if (bad) return err(bad);
  return ok(split((1 - Math.pow(-delta, horizon)) / (1 + delta)));
}

/**
 * Ståhl's finite horizon with unequal δ by backward induction: with k periods left the proposer keeps
 * 1 − δ(responder) × (what the responder would keep as proposer with k − 1 left); with 1 left, everything.
 * @example stahlSplit(0.9, 0.8, 2) // ok({ proposerShare: 0.2, … })
 */
export function stahlSplit(delta1: number, delta2: number, horizon: number): Result<PieSplit, ClosedFormError> {
  const bad = checkDiscount('delta1', delta1) ?? checkDiscount('delta2', delta2) ?? checkHorizon(horizon);
  if (bad) return err(bad);
  let proposerKeeps = 1; // the last period's proposer
  for (let periodsLeft = 2; periodsLeft <= horizon; periodsLeft++) {
    // player 1 proposes when the number of periods left has the parity of the horizon
    const responderDelta = (horizon - periodsLeft) % 2 === 0 ? delta2 : delta1;
    proposerKeeps = 1 - responderDelta * proposerKeeps;
  }
  return ok(split(proposerKeeps));
}

/**
 * Osborne & Rubinstein (1990, §3.12): player 2 may opt out for b only after rejecting an offer.
 * Player 2's Rubinstein share as responder is y* = δ2(1 − δ1)/(1 − δ1δ2) (= δ/(1 + δ) for equal δ);
 * the option binds only when b > y*, and then x1 = 1 − b; otherwise x1 is Rubinstein's.
 * @example outsideOptionSplit(0.9, 0.9, 0.6) // ok({ proposerShare: 0.4, responderShare: 0.6 })
 */
export function outsideOptionSplit(
  delta1: number,
  delta2: number,
  responderOption: number,
): Result<PieSplit, ClosedFormError> {
  const bad = checkDiscount('delta1', delta1) ?? checkDiscount('delta2', delta2);
  if (bad) return err(bad);
  if (!(Number.isFinite(responderOption) && responderOption >= 0 && responderOption <= 1)) {
    return err({ code: 'bargaining/outside_option_out_of_range', details: { value: responderOption } });
  }
  const responderShare = (delta2 * (1 - delta1)) / (1 - delta1 * delta2);
  return ok(responderOption > responderShare ? split(1 - responderOption) : split(1 - responderShare));
}

/** Whether player 2's outside option b changes the Rubinstein split: b > δ2(1 − δ1)/(1 − δ1δ2). */
export const outsideOptionBinds = (delta1: number, delta2: number, responderOption: number): boolean =>
  responderOption > (delta2 * (1 - delta1)) / (1 - delta1 * delta2);
