/**
 * A bilateral negotiation domain as the field exchanges it (Genius, GeniusWeb, NegMAS): one outcome space and one
 * linear-additive profile per party. The outcome space and the preferences are the negotiation engine's own types,
 * so a loaded domain runs in every driver; what only the exchange formats carry (a time discount, a reservation
 * bid) is kept beside them.
 */
import type { Domain, Outcome } from '../negotiation/domain.js';
import { utility, type Preferences } from '../negotiation/preferences.js';

export interface PartyProfile {
  readonly name: string;
  /** Weights, value functions and a constant reservation value. */
  readonly preferences: Preferences;
  /**
   * Genius's discount factor δ: a deal at relative time t is worth u·δ^t (δ = 1 or absent: no discount).
   * Kept as data: `domainStats` reports undiscounted utilities, as the ANAC figures are.
   */
  readonly timeDiscount?: number;
  /** GeniusWeb's reservation bid: no deal is worth as much as this outcome (its utility is the reservation value). */
  readonly reservationBid?: Outcome;
}

export interface BilateralDomain {
  readonly name: string;
  readonly domain: Domain;
  readonly profiles: readonly [PartyProfile, PartyProfile];
}

/** A party's reservation value: its utility of the reservation bid when it has one, else the constant. */
export function profileReservation(domain: Domain, profile: PartyProfile): number {
  if (profile.reservationBid !== undefined) return utility(domain, profile.preferences, profile.reservationBid);
  const r = profile.preferences.reservation;
  return r.kind === 'constant' ? r.value : (r.points[0]?.value ?? 0);
}
