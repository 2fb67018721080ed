import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { reportSummary } from '../../engine/negotiation/monte-carlo.js';
import { runScenarioChunk, scenarioChunkContext } from '../../engine/negotiation/scenario.js';
import { buildApp } from '../app.js';
import { testConfig } from '../test-config.js';
import { loadBundledScenarios } from './scenario-monte-carlo-job.js';

const scenarios = loadBundledScenarios(new URL('../../../data/scenarios/', import.meta.url));

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp({ config: testConfig() });
});
afterAll(async () => app.close());

describe('scenario Monte Carlo job', () => {
  it('loads the three bundled SMA scenarios', () => {
    expect([...scenarios.keys()]).toEqual(['sma-11-talks', 'sma-12-talks', 'sma-13-talks']);
  });

  it('plays the 12th SMA talks over worker threads exactly as the engine does on this thread', async () => {
    const started = await app.inject({
      method: 'POST',
      url: '/api/jobs/scenario-monte-carlo',
      payload: { scenario: 'sma-12-talks', seed: 2024, runs: 500 },
    });
    expect([started.statusCode, started.json().progress]).toEqual([202, { done: 0, total: 2 }]);
    const events = await app.inject({ url: `/api/jobs/${started.json().id}/events` });
    const last = events.body.trim().split('\n\n').at(-1) ?? '';
    const job = JSON.parse(last.split('\n')[1]?.slice('data: '.length) ?? 'null');
    const scenario = scenarios.get('sma-12-talks');
    if (scenario === undefined) throw new Error('sma-12-talks is bundled');
    const report = reportSummary(runScenarioChunk(scenario, 2024, 0, 500, scenarioChunkContext(scenario), {}).summary);
    expect(job.result).toEqual({
      ...report,
      agreementInterval95: [...report.agreementInterval95],
      scenario: 'sma-12-talks',
    });
  });

  it('refuses a scenario that is not bundled, naming the ones that are', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/jobs/scenario-monte-carlo',
      payload: { scenario: 'sma-99-talks', seed: 1, runs: 10 },
    });
    expect([res.statusCode, res.json().error.issues[0]]).toEqual([
      400,
      {
        path: 'body.scenario',
        expected: 'one of "sma-11-talks", "sma-12-talks", "sma-13-talks"',
        found: '"sma-99-talks"',
        message: 'Invalid option: expected one of "sma-11-talks"|"sma-12-talks"|"sma-13-talks"',
      },
    ]);
  });
});
