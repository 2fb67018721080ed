/**
 * NegMAS's reference bargaining scenario: one issue, price 0..1000 in integers; buyer u = 1 − 0.001·p,
 * seller u = 0.001·p, reservation 0, 100 rounds. Used by the NegMAS table test and the benchmark.
 */
import type { Domain } from './domain.js';
import type { Preferences } from './preferences.js';
import type { NegotiationConfig } from './protocol.js';

export const PRICE_DOMAIN: Domain = {
  issues: [{ kind: 'numeric', name: 'price', min: 0, max: 1000, step: 1, unit: 'usd' }],
};

export const PRICE_BUYER: Preferences = {
  weights: { price: 1 },
  values: { price: { kind: 'linear', direction: 'decreasing' } },
  reservation: { kind: 'constant', value: 0 },
};

export const PRICE_SELLER: Preferences = {
  weights: { price: 1 },
  values: { price: { kind: 'linear', direction: 'increasing' } },
  reservation: { kind: 'constant', value: 0 },
};

/** The buyer is added first, so it opens every round (this is what reproduces NegMAS's numbers). */
export const PRICE_CONFIG: NegotiationConfig = {
  domain: PRICE_DOMAIN,
  parties: ['buyer', 'seller'],
  mode: 'rounds',
  deadline: 100,
  ratification: 'none',
};

/** NegMAS's (price, round, offers) for each (buyer, seller) aspiration pair on the price scenario. */
export const NEGMAS_PRICE_TABLE = [
  { buyer: 'boulware', seller: 'boulware', price: 501, round: 85, offers: 169 },
  { buyer: 'linear', seller: 'linear', price: 505, round: 51, offers: 100 },
  { buyer: 'conceder', seller: 'conceder', price: 507, round: 7, offers: 12 },
  { buyer: 'boulware', seller: 'conceder', price: 124, round: 60, offers: 119 },
  { buyer: 'conceder', seller: 'boulware', price: 878, round: 60, offers: 119 },
  { buyer: 'linear', seller: 'conceder', price: 277, round: 28, offers: 55 },
] as const;
