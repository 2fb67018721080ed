import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { rankStrategies, runTournamentRange, tournamentSize } from '../../engine/tournament/tournament.js';
import { issueTournamentInput, issueTournamentSpec } from '../../sim/test-issue-tournament.js';
import { outcomeSpaceSize } from '../../engine/negotiation/domain.js';
import { readDomainFiles } from '../../io/domain-files/index.js';
import { buildApp } from '../app.js';
import { testConfig } from '../test-config.js';
import { runJob as runTestJob } from './test-run-job.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp({ config: testConfig() });
});
afterAll(async () => app.close());

const runJob = (payload: object) => runTestJob(app, 'tournament', payload);

// A smaller cut of the issue's tournament (two domains, two repetitions) keeps this test quick; the whole one runs
// on the queue in test/e2e/jobs-queue.test.ts.
const input = { ...issueTournamentInput(), repetitions: 2 };
input.domains = input.domains.slice(0, 2);

describe('tournament job', () => {
  it('gives on worker threads the results and table of the engine on this thread, in index order', async () => {
    const spec = { ...issueTournamentSpec(), repetitions: 2 };
    const small = { ...spec, domains: spec.domains.slice(0, 2) };
    const total = tournamentSize(small);
    expect(total).toBe(2 * 36 * 2 * 2);
    const { status, body, job } = await runJob(input);
    // 288 negotiations in chunks of 500: one chunk.
    expect([status, body.progress, job.status]).toEqual([202, { done: 0, total: 1 }, 'succeeded']);
    const fetched = (await app.inject({ url: `/api/jobs/${body.id}` })).json();
    const expected = runTournamentRange(small, 0, total);
    expect(fetched.result).toEqual(
      JSON.parse(JSON.stringify({ negotiations: total, ranking: rankStrategies(small, expected), results: expected })),
    );
    expect(fetched.result.results.map((r: { index: number }) => r.index)).toEqual([...Array(total).keys()]);
  }, 60_000);

  it('refuses a bad domain file with the file, the field and what was expected', async () => {
    const bad = structuredClone(input);
    const files = bad.domains[1]?.files ?? [];
    const first = files[0];
    if (first === undefined) throw new Error('the fixture has files');
    files[0] = { name: first.name, text: first.text.replace('"issueWeights"', '"issueWeight"') };
    const { status, body } = await runJob(bad);
    expect(status).toBe(422);
    expect(body.error.code).toBe('domain/invalid_field');
    expect(body.error.issues[0].path).toMatch(/^body\.domains\[1\]\.files\[0\]\.text: /);
    // What was expected, as a code a client words in its own language: the weights are an object, and none is there.
    expect(body.error.issues[0]).toMatchObject({
      path: 'body.domains[1].files[0].text: LinearAdditiveUtilitySpace.issueWeights',
      code: 'invalid_type',
      params: { expected: 'object' },
      expected: 'an object',
      found: 'nothing',
    });
    expect(body.error.message).toContain(first.name);
  });

  it('refuses domains with more outcomes than the server’s SMA_MAX_OUTCOMES_PER_JOB, as a rule with its limit', async () => {
    const strict = await buildApp({ config: testConfig({ SMA_MAX_OUTCOMES_PER_JOB: '10' }) });
    try {
      const { status, body } = await runTestJob(strict, 'tournament', input);
      expect([status, body.error.code]).toEqual([422, 'job/too_many_outcomes']);
      // Each domain's outcome space, as the one domain reader reads its files.
      const outcomes = input.domains.reduce((n, d) => {
        const read = readDomainFiles(d.files.map((f) => ({ name: f.name, bytes: new TextEncoder().encode(f.text) })));
        if (!read.ok) throw new Error(read.error[0]?.message);
        return n + outcomeSpaceSize(read.value.domain);
      }, 0);
      expect(body.error.issues).toEqual([
        {
          path: 'body',
          code: 'custom',
          params: { rule: 'outcomes_at_most', maximum: 10 },
          expected: "at most 10 outcomes (the product of the issues' grid sizes)",
          found: `${outcomes} outcomes`,
          message: 'coarser steps, narrower ranges or fewer domains',
          value: outcomes,
        },
      ]);
    } finally {
      await strict.close();
    }
  });

  it('refuses an unknown strategy by name, and counts negotiations against the runs limit', async () => {
    const unknown = await runJob({ ...input, strategies: ['boulware', 'tit-for-two-tats'] });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body.error.issues)).toContain('strategies');
    // The test server allows 100,000 runs a job: 2 domains × 6² × 2 roles × 1,400 repetitions = 201,600.
    const big = await runJob({ ...input, repetitions: 1400 });
    expect([big.status, big.body.error.code]).toEqual([422, 'job/too_many_runs']);
    expect(big.body.error.message).toContain('this one asks for 201600');
  });
});
