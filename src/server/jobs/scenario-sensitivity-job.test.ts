import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { scenarioSensitivity } from '../../engine/negotiation/sensitivity.js';
import { buildApp } from '../app.js';
import { testConfig } from '../test-config.js';
import { runJob as runTestJob } from './test-run-job.js';
import { loadScenarioCatalogue } from '../../io/scenario-catalogue.js';

const scenarios = loadScenarioCatalogue().scenarios;

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp({ config: testConfig() });
});
afterAll(async () => app.close());

const runJob = (payload: object) => runTestJob(app, 'scenario-sensitivity', payload);

describe('scenario sensitivity job', () => {
  it('gives on worker threads exactly the report the engine computes on this thread', async () => {
    const scenario = scenarios.get('sma-13-talks');
    if (scenario === undefined) throw new Error('sma-13-talks is bundled');
    const { status, job } = await runJob({ scenario: 'sma-13-talks', seed: 3, runs: 300 });
    expect(status).toBe(202);
    expect(job.status).toBe('succeeded');
    expect(job.result).toEqual(JSON.parse(JSON.stringify(scenarioSensitivity(scenario, 3, 300))));
    // The exchange rate only converts the first-year amount to dollars: on common random numbers it changes nothing.
    const rate = job.result.parameters.find((p: { path: string }) => p.path === 'uncertainty.exchangeRate');
    expect([rate.atLow, rate.atHigh]).toEqual([job.result.baseline, job.result.baseline]);
  });

  it('refuses zero runs and names the field', async () => {
    const { status, body } = await runJob({ scenario: 'sma-13-talks', seed: 3, runs: 0 });
    expect(status).toBe(400);
    expect(body.error.issues.map((i: { path: string }) => i.path)).toEqual(['body.runs']);
  });
});
