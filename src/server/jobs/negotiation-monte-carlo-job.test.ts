import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { reportSummary, runMonteCarlo, type MonteCarloSpec } from '../../engine/negotiation/monte-carlo.js';
import { PRICE_BUYER, PRICE_CONFIG, PRICE_SELLER } from '../../engine/negotiation/price-domain.js';
import { buildApp } from '../app.js';
import { testConfig } from '../test-config.js';

// NegMAS's price scenario with uncertain strategies and reservations, a ratification vote and a lapse (src/sim's test spec).
const spec: MonteCarloSpec = {
  seed: 20191218,
  runs: 600,
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
};

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp({ config: testConfig() });
});
afterAll(async () => app.close());

describe('negotiation Monte Carlo job', () => {
  it('gives over worker threads exactly the report the engine gives on this thread', async () => {
    const started = await app.inject({ method: 'POST', url: '/api/jobs/negotiation-monte-carlo', payload: spec });
    expect([started.statusCode, started.json().progress]).toEqual([202, { done: 0, total: 3 }]);
    const events = await app.inject({ url: `/api/jobs/${started.json().id}/events` });
    const last = events.body.trim().split('\n\n').at(-1) ?? '';
    const job = JSON.parse(last.split('\n')[1]?.slice('data: '.length) ?? 'null');
    expect(job.status).toBe('succeeded');
    const report = reportSummary(runMonteCarlo(spec));
    expect(job.result).toEqual({ ...report, agreementInterval95: [...report.agreementInterval95] });
    expect(job.result.runs).toBe(600);
  });

  it('refuses a spec whose strategy is not one it knows, with the path', async () => {
    const bad = { ...spec, parties: [{ ...spec.parties[0], strategy: { kind: 'oracle' } }, spec.parties[1]] };
    const res = await app.inject({ method: 'POST', url: '/api/jobs/negotiation-monte-carlo', payload: bad });
    expect([res.statusCode, res.json().error.issues[0].path]).toEqual([400, 'body.parties[0].strategy.kind']);
  });
});
