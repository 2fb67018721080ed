/**
 * An example Monte Carlo on the price scenario with a lapse: talks monthly from 2019-09-24, the old agreement
 * expiring 2019-12-31, furloughs of 4,000–5,000 workers from the fourth month (as in April 2020), and a home vote.
 */
import type { MonteCarloSpec } from './monte-carlo.js';
import { PRICE_BUYER, PRICE_CONFIG, PRICE_SELLER } from './price-domain.js';

export const PRICE_LAPSE_MONTE_CARLO: MonteCarloSpec = {
  seed: 2020,
  runs: 120,
  config: { ...PRICE_CONFIG, deadline: 12, calendar: { kind: 'monthly', start: '2019-09-24' } },
  parties: [
    {
      preferences: PRICE_BUYER,
      strategy: { kind: 'negmas-time-based', exponent: { kind: 'uniform', min: 0.25, max: 4 } },
      reservation: { kind: 'uniform', min: 0, max: 0.5 },
    },
    {
      preferences: PRICE_SELLER,
      strategy: { kind: 'fsj-polynomial', beta: { kind: 'triangular', min: 0.2, mode: 1, max: 3 } },
      reservation: { kind: 'normal', mean: 0.4, sd: 0.15, min: 0, max: 0.9 },
    },
  ],
  ratification: { kind: 'probability', probability: { kind: 'uniform', min: 0.5, max: 1 } },
  lapse: {
    expiry: '2019-12-31',
    furloughFromMonth: { kind: 'point', value: 4 },
    furloughedWorkers: { kind: 'uniform', min: 4000, max: 5000 },
    reservationShiftPerMonth: [
      { kind: 'point', value: -0.02 },
      { kind: 'point', value: -0.02 },
    ],
  },
  indices: [{ series: 'rok-cpi', years: 5, growth: { kind: 'normal', mean: 0.02, sd: 0.01 } }],
  exchangeRate: { kind: 'normal', mean: 1300, sd: 60 },
};
