import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { reportSummary, runMonteCarlo, type MonteCarloSpec } from '../../engine/negotiation/monte-carlo.js';
import { PRICE_LAPSE_MONTE_CARLO } from '../../engine/negotiation/monte-carlo-example.js';
import { buildApp } from '../app.js';
import { testConfig } from '../test-config.js';

// NegMAS's price scenario with uncertain strategies and reservations, a ratification vote and a lapse (the engine's example).
const spec: MonteCarloSpec = { ...PRICE_LAPSE_MONTE_CARLO, seed: 20191218, runs: 600 };

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
