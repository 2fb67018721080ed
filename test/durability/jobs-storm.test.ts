// Issue 12: nothing a client sends ends the server. A start-and-cancel storm and an oversized job against the real
// server process, which must be alive, answering and running other clients' jobs to the right result at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestJson } from '../support/crash-load.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

interface JobBody {
  readonly id: string;
  readonly status: string;
  readonly progress: { readonly done: number; readonly total: number };
  readonly result: { readonly meanShare?: number } | null;
  readonly error: { readonly code: string; readonly message: string } | null;
}

// δ1 = δ2 = 0.9: the first proposer's Rubinstein (1982) share is (1 − 0.9) / (1 − 0.81) = 0.5263158 (research-vectors.md 1).
const rubinstein = (runs: number) => ({
  seed: 7,
  runs,
  delta1: { min: 0.9, max: 0.9 },
  delta2: { min: 0.9, max: 0.9 },
});

/**
 * The job that grew to 4.8 GB: 10 issues of 50 options each (50^10 outcomes), one run. First sent as a generic
 * negotiation spec; that kind is retired, and the same negotiation now comes as an inline scenario (issue 10).
 */
const oversized = () => {
  const issues = Array.from({ length: 10 }, (_, i) => ({
    kind: 'categorical' as const,
    name: `issue${i}`,
    options: Array.from({ length: 50 }, (_, o) => `option${o}`),
  }));
  const values = Object.fromEntries(
    issues.map((issue) => [
      issue.name,
      { kind: 'table', values: Object.fromEntries(issue.options.map((o, k) => [o, k / 49])) },
    ]),
  );
  const party = (name: string) => ({
    name,
    weights: Object.fromEntries(issues.map((issue) => [issue.name, 0.1])),
    values,
    reservation: 0.2,
    lapseCost: { perLapseMonth: 0, perFurloughedWorkforceMonth: 0 },
  });
  const strategy = { kind: 'time-dependent', e: 1 };
  return {
    seed: 1,
    runs: 1,
    scenarioBody: {
      id: 'oversized',
      name: 'Oversized',
      description: 'Ten issues of fifty options: more outcomes than a worker may list.',
      base: { year: 2020, amount: 1_000_000_000_000, currency: 'KRW', unit: 100_000_000 },
      domain: { issues },
      parties: { us: party('US'), rok: party('ROK') },
      protocol: { deadline: 20, calendar: { kind: 'monthly', start: '2019-09-24' } },
      strategies: { us: strategy, rok: strategy },
      ratification: { rok: null, us: 'executive-agreement' },
      lapse: null,
      uncertainty: {},
      realOutcome: null,
      sources: { base: 'made up', parties: 'made up', protocol: 'made up', strategies: 'made up' },
    },
  };
};

/** Deterministic delays in 0–40 ms, so a failing storm can be replayed. */
const delays = (seed: number) => {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % 41;
  };
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the server outlives what clients send to its job routes', () => {
  let dataDir: string;
  let server: ServerProcess;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sma-jobs-storm-'));
    server = await startServerProcess({
      storage: { dataDir },
      // Clients told apart by X-Forwarded-For, as behind a proxy; one thread, as on the smallest deployment.
      env: { SMA_TRUST_PROXY: 'true', SMA_MAX_JOBS_PER_CLIENT: '4' },
    });
  });

  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const as = (client: string) => ({ 'x-forwarded-for': client });

  it(
    'survives three loops starting and cancelling jobs 0–40 ms apart, and another client’s job completes',
    { timeout: 120_000 },
    async () => {
      // Another client's job, started before the storm: it must finish with its exact result, not stay stuck.
      const other = await requestJson(
        `${server.url}/api/jobs/rubinstein-split`,
        'POST',
        rubinstein(60_000),
        as('10.0.0.9'),
      );
      expect(other?.status).toBe(202);
      const otherId = (other?.body as JobBody).id;

      const until = Date.now() + 60_000; // the storm's bound, not an assertion
      const statuses: number[] = [];
      const loop = async (n: number) => {
        const delay = delays(n + 1);
        for (let i = 0; i < 25 && Date.now() < until; i++) {
          const kind = i % 2 === 0 ? 'rubinstein-split' : 'scenario-monte-carlo';
          const body =
            kind === 'rubinstein-split' ? rubinstein(20_000) : { scenario: 'sma-12-talks', seed: i, runs: 500 };
          const started = await requestJson(`${server.url}/api/jobs/${kind}`, 'POST', body, as(`10.0.0.${n}`));
          if (started === undefined) throw new Error(`the server stopped answering in loop ${n}, round ${i}`);
          statuses.push(started.status);
          if (started.status !== 202) continue;
          await sleep(delay());
          const cancelled = await requestJson(
            `${server.url}/api/jobs/${(started.body as JobBody).id}/cancel`,
            'POST',
            undefined,
            as(`10.0.0.${n}`),
          );
          if (cancelled === undefined)
            throw new Error(`the server stopped answering a cancel in loop ${n}, round ${i}`);
          // Cancelled, or it finished first (409): never a 5xx.
          expect([200, 409]).toContain(cancelled.status);
        }
      };
      await Promise.all([loop(1), loop(2), loop(3)]);
      expect(statuses.filter((s) => s === 202).length).toBeGreaterThan(0);

      const health = await requestJson(`${server.url}/api/health`, 'GET');
      expect(health?.status).toBe(200);
      // Waits for the other client's job through its event stream's end, then reads it.
      await fetch(`${server.url}/api/jobs/${otherId}/events`).then((res) => res.text());
      const done = (await requestJson(`${server.url}/api/jobs/${otherId}`, 'GET'))?.body as JobBody;
      expect([done.status, done.progress, done.result?.meanShare?.toFixed(7)]).toEqual([
        'succeeded',
        { done: 30, total: 30 },
        '0.5263158',
      ]);
      const jobs = (await requestJson(`${server.url}/api/jobs`, 'GET'))?.body as JobBody[];
      expect(jobs.filter((job) => job.status === 'running')).toEqual([]);
    },
  );

  it('refuses the 50^10-outcome negotiation job with a clear code and keeps answering', async () => {
    const refused = await requestJson(`${server.url}/api/jobs/scenario-monte-carlo`, 'POST', oversized());
    expect(refused?.status).toBe(422);
    // 50^10 = 97,656,250,000,000,000 outcomes, against the limit of 250,000.
    expect(refused?.body).toMatchObject({
      error: {
        code: 'scenario/too_many_outcomes',
        message: 'A simulated scenario may have at most 250000 outcomes; this one has 97656250000000000.',
        issues: [{ path: 'body.scenarioBody.domain.issues', found: '97656250000000000' }],
      },
    });
    const after = await requestJson(`${server.url}/api/jobs/rubinstein-split`, 'POST', rubinstein(2_000));
    expect(after?.status).toBe(202);
    expect((await requestJson(`${server.url}/api/health`, 'GET'))?.status).toBe(200);
  });
});
