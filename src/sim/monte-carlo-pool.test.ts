import { describe, expect, it } from 'vitest';
import { runMonteCarlo, type MonteCarloSpec } from '../engine/negotiation/monte-carlo.js';
import { PRICE_BUYER, PRICE_CONFIG, PRICE_SELLER } from '../engine/negotiation/price-domain.js';
import { runMonteCarloParallel } from './monte-carlo-pool.js';

const spec: MonteCarloSpec = {
  seed: 20191218,
  runs: 400,
  config: { ...PRICE_CONFIG, deadline: 24, calendar: { kind: 'monthly', start: '2019-09-24' } },
  parties: [
    {
      preferences: PRICE_BUYER,
      strategy: { kind: 'negmas-time-based', exponent: { kind: 'uniform', min: 0.25, max: 4 } },
      reservation: { kind: 'uniform', min: 0, max: 0.3 },
    },
    {
      preferences: PRICE_SELLER,
      strategy: { kind: 'time-dependent', e: { kind: 'triangular', min: 0.1, mode: 0.5, max: 2 } },
      reservation: { kind: 'normal', mean: 0.2, sd: 0.1, min: 0, max: 0.5 },
    },
  ],
  ratification: { kind: 'probability', probability: { kind: 'uniform', min: 0.6, max: 1 } },
  lapse: {
    expiry: '2020-01-01',
    furloughFromMonth: { kind: 'fixed', value: 4 },
    furloughedWorkers: { kind: 'uniform', min: 4000, max: 5000 },
    reservationShiftPerMonth: [
      { kind: 'fixed', value: -0.01 },
      { kind: 'fixed', value: -0.005 },
    ],
  },
  indices: [{ series: 'rok-cpi', years: 5, growth: { kind: 'normal', mean: 0.02, sd: 0.01 } }],
  exchangeRate: { kind: 'normal', mean: 1300, sd: 60 },
};

describe('Monte Carlo over worker threads', () => {
  it('gives the identical summary on 1 and 2 workers and on this thread, for the same seed', async () => {
    const progress: number[] = [];
    const one = await runMonteCarloParallel(spec, { workers: 1, chunkSize: 50 });
    const two = await runMonteCarloParallel(spec, {
      workers: 2,
      chunkSize: 50,
      onProgress: (p) => progress.push(p.done),
    });
    expect(two).toEqual(one);
    expect(runMonteCarlo(spec, { chunkSize: 50 })).toEqual(one);
    expect(one.runs).toBe(400);
    expect(progress.at(-1)).toBe(400);
    expect(progress).toHaveLength(8);
  });
});
